module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'query-service',
  rootDir: __dirname,
};
