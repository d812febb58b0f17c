export * from './lib/envelope';
export * from './lib/topics';
