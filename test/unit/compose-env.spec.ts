import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KNOWN_ENV_KEYS, validateEnvironment } from '../../src/config/config.schema';

/**
 * docker-compose.yml and .env.example must agree with the environment schema: the api and worker containers set
 * only variables the platform reads (a misspelt name would be silently ignored), both point at the external
 * PostgreSQL and Redis, and the values they set (with compose defaults) pass validation.
 */

const ROOT = join(__dirname, '..', '..');
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
const ENV_EXAMPLE_FILE = join(ROOT, '.env.example');
const APP_SERVICES = ['api', 'worker'] as const;

interface ComposeService {
  /** `environment:` entries in file order (map form `KEY: value` or list form `- KEY=value`). */
  environment: Map<string, string> | undefined;
  /** Service-level keys (build, command, environment, env_file, ...). */
  keys: string[];
}

class UnsupportedComposeSyntax extends Error {}

function unquote(raw: string): string {
  const v = raw.trim();
  if (v.length >= 2 && ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith('"') && v.endsWith('"')))) {
    return v.slice(1, -1);
  }
  // An unquoted scalar ends at " #" (a comment).
  const comment = v.search(/\s#/);
  return (comment >= 0 ? v.slice(0, comment) : v).trim();
}

/**
 * A small line-based reader for the subset of YAML compose files use for `services.<name>.environment`: two-space
 * indentation, services at indent 2, service keys at indent 4, environment entries at indent 6 (or list items at 4
 * or 6). Anything it cannot read exactly (anchors, merge keys, flow maps, block scalars, tabs) throws rather than
 * being skipped, so the checks below can never pass by not seeing a variable.
 */
function parseComposeServices(text: string): Map<string, ComposeService> {
  const services = new Map<string, ComposeService>();
  let inServices = false;
  let current: ComposeService | undefined;
  let inEnvironment = false;

  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const where = `docker-compose.yml line ${index + 1}`;
    if (/^\s*(#.*)?$/.test(line)) return;
    if (/^\s*\t/.test(line)) throw new UnsupportedComposeSyntax(`${where}: tab indentation`);
    const indent = line.length - line.trimStart().length;
    const content = line.trim();

    if (indent === 0) {
      inServices = content === 'services:';
      current = undefined;
      inEnvironment = false;
      return;
    }
    if (!inServices) return;

    if (indent === 2) {
      const m = /^([A-Za-z0-9._-]+):\s*(#.*)?$/.exec(content);
      if (!m) throw new UnsupportedComposeSyntax(`${where}: expected a service name, got "${content}"`);
      if (services.has(m[1])) throw new UnsupportedComposeSyntax(`${where}: duplicate service ${m[1]}`);
      current = { environment: undefined, keys: [] };
      services.set(m[1], current);
      inEnvironment = false;
      return;
    }
    if (!current) throw new UnsupportedComposeSyntax(`${where}: unexpected indentation ${indent}`);

    const listItem = /^-\s+(.*)$/.exec(content);
    if (inEnvironment && (indent === 6 || (indent === 4 && listItem))) {
      const env = current.environment as Map<string, string>;
      let key: string;
      let value: string;
      if (listItem) {
        const item = unquote(listItem[1]);
        const eq = item.indexOf('=');
        key = eq >= 0 ? item.slice(0, eq) : item;
        value = eq >= 0 ? item.slice(eq + 1) : '';
      } else {
        const m = /^(['"]?)([^'":\s]+)\1:(?:\s+(.*))?$/.exec(content);
        if (!m) throw new UnsupportedComposeSyntax(`${where}: cannot read environment entry "${content}"`);
        key = m[2];
        value = m[3] === undefined ? '' : unquote(m[3]);
        if (/^[|>&*]/.test(value))
          throw new UnsupportedComposeSyntax(`${where}: unsupported value syntax for ${key}`);
      }
      if (key === '<<')
        throw new UnsupportedComposeSyntax(`${where}: merge keys in environment are not supported`);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
        throw new UnsupportedComposeSyntax(`${where}: odd variable "${key}"`);
      if (env.has(key)) throw new UnsupportedComposeSyntax(`${where}: ${key} is set twice`);
      env.set(key, value);
      return;
    }
    if (indent === 4) {
      inEnvironment = false;
      const m = /^([A-Za-z0-9_<-]+):(?:\s+(.*))?$/.exec(content);
      if (!m) throw new UnsupportedComposeSyntax(`${where}: expected a service key, got "${content}"`);
      current.keys.push(m[1]);
      if (m[1] === '<<')
        throw new UnsupportedComposeSyntax(`${where}: merge keys in a service are not supported`);
      if (m[1] === 'environment') {
        if (m[2] !== undefined && !/^#/.test(m[2].trim())) {
          throw new UnsupportedComposeSyntax(`${where}: inline environment "${m[2]}" is not supported`);
        }
        current.environment = new Map();
        inEnvironment = true;
      }
      return;
    }
    if (inEnvironment)
      throw new UnsupportedComposeSyntax(`${where}: unexpected indentation inside environment`);
    // Deeper lines of other service keys (ports, depends_on, healthcheck...) are not needed.
  });
  return services;
}

/**
 * Compose interpolation of `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?error}`, `${NAME?error}` and
 * `$$`: defaults are used, required variables come from `supplied` (what an operator must export).
 */
function interpolate(value: string, supplied: Record<string, string>): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g,
    (whole, name: string | undefined, op: string | undefined, arg: string | undefined) => {
      if (whole === '$$') return '$';
      const given = supplied[name as string];
      if (op === ':-' || op === '-') return given ?? (arg as string);
      if (op === ':?' || op === '?') {
        if (given === undefined) throw new Error(`compose requires ${name}: ${arg}`);
        return given;
      }
      return given ?? '';
    },
  );
}

describe('parseComposeServices (the test helper)', () => {
  it('reads map and list forms, quotes and comments', () => {
    const services = parseComposeServices(
      [
        'x-common: &common',
        '  FOO: bar',
        'services:',
        '  api:',
        '    image: x',
        '    environment:',
        '      # a comment',
        "      PORT: '3000'",
        '      LOG_LEVEL: info # trailing comment',
        '      "HOST": 0.0.0.0',
        '      EMPTY:',
        '    ports:',
        "      - '3000:3000'",
        '  worker:',
        '    environment:',
        '      - NODE_ENV=production',
        '      - "QUEUE_PREFIX=lrp"',
        'volumes:',
        '  data:',
      ].join('\n'),
    );
    expect([...services.keys()]).toEqual(['api', 'worker']);
    expect(Object.fromEntries(services.get('api')?.environment ?? [])).toEqual({
      PORT: '3000',
      LOG_LEVEL: 'info',
      HOST: '0.0.0.0',
      EMPTY: '',
    });
    expect(services.get('api')?.keys).toEqual(['image', 'environment', 'ports']);
    expect(Object.fromEntries(services.get('worker')?.environment ?? [])).toEqual({
      NODE_ENV: 'production',
      QUEUE_PREFIX: 'lrp',
    });
  });

  it.each([
    ['a merge key', 'services:\n  api:\n    environment:\n      <<: *common\n'],
    ['an inline map', 'services:\n  api:\n    environment: { PORT: 3000 }\n'],
    ['an alias', 'services:\n  api:\n    environment: *env\n'],
    ['a block scalar', 'services:\n  api:\n    environment:\n      JWT_SECRET: |\n        abc\n'],
    ['a duplicate variable', 'services:\n  api:\n    environment:\n      PORT: 1\n      PORT: 2\n'],
    ['tab indentation', 'services:\n\tapi:\n'],
  ])('refuses %s instead of skipping it', (_label, text) => {
    expect(() => parseComposeServices(text)).toThrow(UnsupportedComposeSyntax);
  });

  it('interpolates like compose', () => {
    expect(interpolate('a${X:-def}b', {})).toBe('adefb');
    expect(interpolate('${X:-def}', { X: 'given' })).toBe('given');
    expect(interpolate('${X:?required}', { X: 'given' })).toBe('given');
    expect(() => interpolate('${X:?required}', {})).toThrow(/X/);
    expect(interpolate('$${X}', {})).toBe('${X}');
  });
});

describe('docker-compose.yml', () => {
  const text = existsSync(COMPOSE_FILE) ? readFileSync(COMPOSE_FILE, 'utf8') : undefined;

  it('exists at the repository root', () => {
    expect(text).toBeDefined();
  });

  const services = text === undefined ? new Map<string, ComposeService>() : parseComposeServices(text);
  const envOf = (name: string): Map<string, string> => {
    const env = services.get(name)?.environment;
    if (!env) throw new Error(`service ${name} has no environment: map in docker-compose.yml`);
    return env;
  };

  it.each(APP_SERVICES)('defines the %s service with an environment', (name) => {
    expect(services.has(name)).toBe(true);
    expect(envOf(name).size).toBeGreaterThan(0);
  });

  it.each(APP_SERVICES)('%s sets only variables declared in the environment schema', (name) => {
    const known = new Set<string>(KNOWN_ENV_KEYS);
    const unknown = [...envOf(name).keys()].filter((key) => !known.has(key));
    expect(unknown).toEqual([]);
  });

  it.each(APP_SERVICES)('%s does not load variables from an env_file the check cannot see', (name) => {
    expect(services.get(name)?.keys).not.toContain('env_file');
  });

  it.each(APP_SERVICES)('%s uses the external PostgreSQL and Redis', (name) => {
    const env = envOf(name);
    expect(env.get('DATABASE_URL')).toMatch(/\S/);
    expect(env.get('REDIS_URL')).toMatch(/\S/);
  });

  it.each(APP_SERVICES)('%s environment (with compose defaults) passes validation', (name) => {
    // What an operator exports before `docker compose up`.
    const supplied = {
      JWT_SECRET: 'x'.repeat(48),
      PII_KEY: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      SMS_PROVIDER: 'log',
    };
    const raw = Object.fromEntries(
      [...envOf(name)].map(([key, value]) => [key, interpolate(value, supplied)]),
    );
    expect(() => validateEnvironment(raw)).not.toThrow();
  });
});

describe('.env.example', () => {
  const text = existsSync(ENV_EXAMPLE_FILE) ? readFileSync(ENV_EXAMPLE_FILE, 'utf8') : undefined;

  if (text === undefined) {
    it('is absent, so there is nothing to compare (the schema expects one: see config.schema.ts)', () => {
      expect(existsSync(ENV_EXAMPLE_FILE)).toBe(false);
    });
  } else {
    it.each([...KNOWN_ENV_KEYS])('documents %s (as KEY= or # KEY=)', (key) => {
      expect(text).toMatch(new RegExp(`^[ \\t]*(?:#[ \\t]*)?${key}=`, 'm'));
    });
  }
});
