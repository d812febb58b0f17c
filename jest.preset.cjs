// Shared Jest settings. SWC compiles TypeScript (with decorator metadata, which Nest's DI needs)
// far faster than ts-jest; type checking is the job of `tsc` in the lint step, not of the tests.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const workspaceRoot = __dirname;

// tsconfig `paths` → Jest module names, so libs are imported by their public names in tests too.
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([name, [target]]) => [
    `^${name.replace('/', '\\/')}$`,
    path.join(workspaceRoot, target),
  ]),
);

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The test tier is in the file name: *.spec.ts unit, *.int-spec.ts real servers, *.e2e-spec.ts running services.
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.int-spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
};
