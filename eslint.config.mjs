// @ts-check
// Flat ESLint config: @eslint/js recommended + typescript-eslint recommendedTypeChecked (type-aware, through the
// project service, which reads the root tsconfig.json: src, test, migrations, scripts, bench).
// House rules (docs: /work/shared/conventions.md): no floating or misused promises, exhaustive switches, no
// console in application code. Every rule relaxed below says why.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';

// A module reaches another only through its exported services, never its tables (conventions.md): no file of a
// module imports another module's entities or repositories. Entity files may name another module's entity for a
// relation (a foreign key); type-only imports carry no access. The files listed in EXEMPT still do, each with its
// reason, until the move that ends it (issue 19).
const MODULES = readdirSync(join(import.meta.dirname, 'src'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const EXEMPT = [
  // Failed jobs read the queue's job_failures (to move behind a QueueService method).
  'src/ops/failed-jobs.service.ts',
  // Staff and organisation administration writes users (auth) and organisations (reference): the people issue's
  // users module or organisations with reference data will own both.
  'src/staff/**',
];
/** The rule for the files of one module: another module's entities or repositories, at any depth. */
function foreignTables(module) {
  return {
    files: [`src/${module}/**/*.ts`],
    ignores: ['src/**/entities/**', '**/*.spec.ts', ...EXEMPT],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(?!${module}/)[a-z-]+/(.+/)?(entities(/.*)?|[^/]+[.-]repository)$`,
              allowTypeImports: true,
              message:
                "Another module's entities or repositories: call its exported service instead (conventions.md).",
            },
          ],
        },
      ],
    },
  };
}

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'coverage/', '.data/', 'test-output/']),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // `_`-prefixed parameters are how NestJS interface methods (guards, filters, interceptors) and callbacks say
      // "required by the signature, unused here"; a leading underscore documents the intent.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  ...MODULES.map(foreignTables),

  {
    files: ['src/**/*.ts'],
    // Application code logs through nestjs-pino (with PII redaction); console output bypasses the redaction.
    rules: { 'no-console': 'error' },
  },

  {
    // Unit specs beside the source, e2e specs and their support code.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      // supertest's `res.body` and Jest's asymmetric matchers (expect.any, expect.objectContaining) are typed
      // `any`; asserting on them is the point of a test, so the no-unsafe-* family would flag every assertion.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `expect(service.method).toHaveBeenCalled()` passes a method unbound on purpose; Jest never calls it.
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  {
    // Plain JavaScript files (jest.config.js is CommonJS, this file is ESM) are outside tsconfig.json: lint them
    // without type information rather than adding them to the TypeScript project.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    ignores: ['public/**'],
    languageOptions: {
      sourceType: 'commonjs',
      // The few Node globals a CommonJS config file uses (the `globals` package is not a dependency).
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The dashboard page (public/dashboard): plain ES modules run by the browser, no build step. Only the browser
    // globals they use are declared (the `globals` package is not a dependency).
    files: ['public/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        URLSearchParams: 'readonly',
        Intl: 'readonly',
        Option: 'readonly',
        Node: 'readonly',
        ResizeObserver: 'readonly',
        URL: 'readonly',
        location: 'readonly',
        history: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
);
