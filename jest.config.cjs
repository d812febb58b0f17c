// Runs every project's tests in one Jest invocation (see tools/test.sh for the tiers).
module.exports = {
  projects: [
    '<rootDir>/apps/*/jest.config.cjs',
    '<rootDir>/libs/*/jest.config.cjs',
    '<rootDir>/tools/jest.config.cjs',
  ],
};
