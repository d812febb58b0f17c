export * from './lib/leader-session';
export * from './lib/outbox-relay';
export * from './lib/relay-checkpoint.store';
export * from './lib/to-outgoing-message';
export * from './lib/horizon-holder';
export * from './lib/postgres-horizon-probe';
