import type { Kafka, Producer } from 'kafkajs';
import { createOrderedProducer } from './create-kafka';
import type { MessagePublisher, OutgoingMessage } from './message-publisher';

/**
 * kafkajs adapter of MessagePublisher: the idempotent producer, one request in flight, acks from
 * all in-sync replicas, and one `sendBatch` per call so a relay batch is one round trip. Calls are
 * serialised here as well: kafkajs's idempotent producer can misorder concurrent sends.
 */
export class KafkaPublisher implements MessagePublisher {
  private readonly producer: Producer;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(kafka: Kafka) {
    this.producer = createOrderedProducer(kafka);
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  publish(messages: readonly OutgoingMessage[]): Promise<void> {
    const send = async () => {
      if (messages.length === 0) return;
      const byTopic = new Map<string, OutgoingMessage[]>();
      for (const message of messages) {
        const list = byTopic.get(message.topic) ?? [];
        list.push(message);
        byTopic.set(message.topic, list);
      }
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic,
          messages: list.map(({ key, value, headers }) => ({ key, value, headers })),
        })),
      });
    };
    const result = this.queue.then(send, send);
    this.queue = result.catch(() => undefined);
    return result;
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}
