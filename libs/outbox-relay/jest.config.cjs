module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'outbox-relay',
  rootDir: __dirname,
};
