// Runs every project's tests in one Jest invocation (see tools/test.sh for the tiers).
module.exports = {
  // Integration and e2e tests start processes and talk to real servers; unit tests finish in ms.
  // (A global option: Jest ignores it inside project configs.)
  testTimeout: 60_000,
  projects: [
    '<rootDir>/apps/*/jest.config.cjs',
    '<rootDir>/libs/*/jest.config.cjs',
    '<rootDir>/tools/jest.config.cjs',
  ],
};
