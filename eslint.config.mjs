// @ts-check
// Flat ESLint config: @eslint/js recommended + typescript-eslint recommendedTypeChecked (type-aware, through the
// project service, which reads the root tsconfig.json: src, test, migrations, scripts, bench).
// House rules (docs: /work/shared/conventions.md): no floating or misused promises, exhaustive switches, no
// console in application code. Every rule relaxed below says why.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

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
