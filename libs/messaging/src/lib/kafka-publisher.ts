import type { Kafka, Producer } from 'kafkajs';
import { createOrderedProducer } from './create-kafka';
import type { MessagePublisher, OutgoingMessage } from './message-publisher';

/**
 * kafkajs adapter of MessagePublisher: the idempotent producer, one request in flight, acks from
 * all in-sync replicas, and one `sendBatch` per call so a relay batch is one round trip. Calls are
 * serialised here as well: kafkajs's idempotent producer can misorder concurrent sends.
 */
export class KafkaPublisher implements MessagePublisher {
  private producer: Producer;
  private connected = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly kafka: Kafka) {
    this.producer = createOrderedProducer(kafka);
  }

  async connect(): Promise<void> {
    await this.producer.connect();
    this.connected = true;
  }

  publish(messages: readonly OutgoingMessage[]): Promise<void> {
    const send = async () => {
      if (messages.length === 0) return;
      if (!this.connected) await this.connect();
      const byTopic = new Map<string, OutgoingMessage[]>();
      for (const message of messages) {
        const list = byTopic.get(message.topic) ?? [];
        list.push(message);
        byTopic.set(message.topic, list);
      }
      try {
        await this.producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, list]) => ({
            topic,
            messages: list.map(({ key, value, headers }) => ({ key, value, headers })),
          })),
        });
      } catch (error) {
        await this.replaceProducer();
        throw error;
      }
    };
    const result = this.queue.then(send, send);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * A failed send leaves kafkajs's idempotent producer with sequence numbers it rolled back,
   * although the broker may have appended the batch before the connection died (a broker killed
   * between append and acknowledgement). The caller then sends again from its checkpoint, usually
   * a longer batch starting at the same sequence, which the broker refuses as out of order - not a
   * retriable error in kafkajs, so publishing stalled for good after such a broker restart. A fresh
   * producer gets a new producer id and starts its sequences over; a batch the broker already had
   * may then reach Kafka twice, which every consumer drops by stream version.
   */
  private async replaceProducer(): Promise<void> {
    const failed = this.producer;
    this.producer = createOrderedProducer(this.kafka);
    this.connected = false;
    await failed.disconnect().catch(() => undefined);
  }

  disconnect(): Promise<void> {
    this.connected = false;
    return this.producer.disconnect();
  }
}
