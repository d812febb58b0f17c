export * from './lib/mongo/mongo-options';
export * from './lib/mongo/create-mongo-client';
export * from './lib/mongo/mongo.tokens';
export * from './lib/mongo/mongo.health';
export * from './lib/mongo/mongo.module';
export * from './lib/runtime/projector';
