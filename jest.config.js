const { SOLO, particularFilesAsked } = require('./test/support/e2e-groups');

/**
 * The whole suite runs the e2e specs in groups that share their loaded modules (test/support/e2e-groups.js); asked
 * for particular files, Jest runs those files (E2E_GROUPS=1 keeps the groups, to run one: `E2E_GROUPS=1 npx jest
 * test/groups/03`).
 */
const e2eFiles =
  particularFilesAsked(process.argv) && process.env.E2E_GROUPS !== '1'
    ? ['<rootDir>/test/**/*.e2e-spec.ts']
    : ['<rootDir>/test/groups/*.e2e-group.ts', ...SOLO.map((f) => `<rootDir>/${f}`)];

/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  testEnvironment: 'node',
  // NestJS 12 ships ES modules: node_modules are transformed to CommonJS for Jest too.
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [],
};

module.exports = {
  maxWorkers: 2,
  testSequencer: '<rootDir>/test/support/slow-first-sequencer.js',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/test/unit/**/*.spec.ts',
        '<rootDir>/bench/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: e2eFiles,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
