import type { Kafka, Producer } from 'kafkajs';
import { KafkaPublisher } from './kafka-publisher';

/** A kafkajs client whose producers are recorded, the first one failing its first send. */
function recordingKafka() {
  const producers: Array<{ connects: number; sends: number; disconnects: number }> = [];
  const kafka = {
    producer: () => {
      const record = { connects: 0, sends: 0, disconnects: 0 };
      const index = producers.push(record) - 1;
      return {
        connect: async () => void record.connects++,
        disconnect: async () => void record.disconnects++,
        sendBatch: async () => {
          record.sends++;
          if (index === 0) throw new Error('The broker received an out of order sequence number');
          return [];
        },
      } as unknown as Producer;
    },
  } as unknown as Kafka;
  return { kafka, producers };
}

const message = { topic: 't', key: 'stream-1', value: '{}', headers: {} };

describe('KafkaPublisher after a failed send', () => {
  it('replaces its idempotent producer, so the next send starts with a new producer id', async () => {
    const { kafka, producers } = recordingKafka();
    const publisher = new KafkaPublisher(kafka);
    await publisher.connect();

    await expect(publisher.publish([message])).rejects.toThrow('out of order sequence');
    await publisher.publish([message, message]);

    expect(producers).toEqual([
      { connects: 1, sends: 1, disconnects: 1 },
      { connects: 1, sends: 1, disconnects: 0 },
    ]);
  });

  it('keeps one producer while sends succeed', async () => {
    const { kafka, producers } = recordingKafka();
    const publisher = new KafkaPublisher(kafka);
    await expect(publisher.publish([message])).rejects.toThrow();
    await publisher.publish([message]);
    await publisher.publish([message]);
    await publisher.disconnect();

    expect(producers[1]).toEqual({ connects: 1, sends: 2, disconnects: 1 });
    expect(producers).toHaveLength(2);
  });
});
