module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'accounts-domain',
  rootDir: __dirname,
};
