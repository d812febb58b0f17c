export * from './lib/leader-session';
export * from './lib/outbox-relay';
export * from './lib/relay-checkpoint.store';
export * from './lib/to-outgoing-message';
