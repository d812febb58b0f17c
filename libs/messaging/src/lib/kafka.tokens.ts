/** DI tokens for the kafkajs objects; app code depends on our ports, not on these directly. */
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
export const KAFKA_ADMIN = Symbol('KAFKA_ADMIN');
