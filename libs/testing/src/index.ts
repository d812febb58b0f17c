export * from './lib/integration-environment';
export * from './lib/service-process';
export * from './lib/decider-specification';
export * from './lib/cutting-proxy';
export * from './lib/seeded-random';
export * from './lib/private-stack';
