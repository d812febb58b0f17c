module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'domain-kernel',
  rootDir: __dirname,
};
