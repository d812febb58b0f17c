export * from './lib/account-decider';
export * from './lib/commands';
export * from './lib/errors';
export * from './lib/events';
export * from './lib/snapshot';
export * from './lib/state';
export * from './lib/stream';
export * from './lib/utc-day';
