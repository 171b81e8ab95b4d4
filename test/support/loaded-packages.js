/**
 * Preloaded (`node -r`) into a platform process by the lazy-modules e2e: when the process exits it writes, to the file
 * LOADED_PACKAGES_OUT names, the npm packages whose modules it loaded (one name a line).
 */
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const names = new Set();
  for (const file of Object.keys(require.cache)) {
    const parts = file.split('/node_modules/');
    if (parts.length < 2) continue;
    const path = parts[parts.length - 1].split('/');
    names.add(path[0].startsWith('@') ? `${path[0]}/${path[1]}` : path[0]);
  }
  writeFileSync(process.env.LOADED_PACKAGES_OUT, [...names].sort().join('\n') + '\n');
});
