/** Transpile-only TypeScript through SWC: type checking is `npm run build`'s job, run once before jest. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // README examples import the package by name, as users do.
  moduleNameMapper: { '^minio-aks$': '<rootDir>/lib/index.ts' },
};
