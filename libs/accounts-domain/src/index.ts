export * from './lib/account-decider';
export * from './lib/commands';
export * from './lib/errors';
export * from './lib/events';
export * from './lib/snapshot';
export * from './lib/state';
export * from './lib/stream';
export * from './lib/utc-day';
export { MAX_OWNER_ID_LENGTH, MAX_REFERENCE_LENGTH } from './lib/validation';
