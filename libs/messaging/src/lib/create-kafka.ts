import { Kafka, logLevel, Partitioners, type Producer, type ProducerConfig } from 'kafkajs';
import type { KafkaOptions } from './kafka-options';

export function createKafka(options: KafkaOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    // kafkajs logs every reconnect at ERROR; our own logs report what matters.
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 100, retries: 8 },
  });
}

/**
 * A producer safe for ordered, exactly-once-per-partition publishing: idempotent, and one request
 * in flight, because kafkajs can reorder concurrent sends of its (experimental) idempotent producer.
 * The partitioner is named explicitly so the key → partition mapping stays stable (murmur2, as Java).
 */
export function createOrderedProducer(kafka: Kafka, extra: Partial<ProducerConfig> = {}): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
    ...extra,
  });
}
