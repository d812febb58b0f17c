module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'command-service',
  rootDir: __dirname,
};
