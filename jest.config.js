/** Transpile-only TypeScript through SWC: `npm test` runs the type check beside jest (scripts/test.mjs). */
module.exports = {
  testEnvironment: '<rootDir>/test/support/compile-cache-environment.js',
  testSequencer: '<rootDir>/test/support/test-sequencer.js',
  // Jest's default leaves one core idle; on a 2-core CI machine that halves the suite's speed.
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
      // Maps beside the code rather than inline (@swc/jest's default): every test file reads each module's code
      // again, and an inline map more than doubles the generated CRD classes; stack traces are mapped all the same.
      sourceMaps: true,
    }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // README examples import the package by name, as users do.
  moduleNameMapper: { '^minio-aks$': '<rootDir>/lib/index.ts', '^minio-aks/pulumi$': '<rootDir>/lib/pulumi/index.ts' },
};
