// One group of e2e specs (test/support/e2e-groups.js says which and why).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runGroup } = require('../support/e2e-groups') as { runGroup: (file: string) => void };

runGroup(__filename);
