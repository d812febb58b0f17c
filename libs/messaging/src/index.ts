export * from './lib/kafka-options';
export * from './lib/create-kafka';
export * from './lib/ensure-topics';
export * from './lib/kafka.tokens';
export * from './lib/kafka.health';
export * from './lib/kafka.module';
export * from './lib/message-publisher';
export * from './lib/kafka-publisher';
