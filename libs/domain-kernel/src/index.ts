export * from './lib/brand';
export * from './lib/decider';
export * from './lib/errors';
