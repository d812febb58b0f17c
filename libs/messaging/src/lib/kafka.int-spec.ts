import { integrationEnvironment, uniqueName } from '@ledgerline/testing';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { createKafka, createOrderedProducer } from './create-kafka';
import { ensureTopics } from './ensure-topics';

interface Received {
  key: string;
  value: string;
  partition: number;
}

/** Consumes `topic` in a fresh group until `count` messages arrived (or the deadline passes). */
async function consume(
  kafka: Kafka,
  topic: string,
  count: number,
): Promise<{ received: Received[]; groupId: string }> {
  const groupId = uniqueName('group');
  // A short fetch wait keeps disconnect fast (kafkajs waits out the fetch on disconnect).
  const consumer: Consumer = kafka.consumer({
    groupId,
    readUncommitted: false,
    maxWaitTimeInMs: 200,
  });
  const received: Received[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(
        () => reject(new Error(`got ${received.length}/${count} messages`)),
        30_000,
      );
      void consumer.run({
        // Offsets are committed explicitly after each batch is handled, as the projections do.
        autoCommit: false,
        eachBatch: async ({ batch, resolveOffset }) => {
          for (const message of batch.messages) {
            received.push({
              key: message.key?.toString() ?? '',
              value: message.value?.toString() ?? '',
              partition: batch.partition,
            });
            resolveOffset(message.offset);
          }
          const next = (BigInt(batch.lastOffset()) + 1n).toString();
          await consumer.commitOffsets([{ topic, partition: batch.partition, offset: next }]);
          if (received.length >= count) {
            clearTimeout(deadline);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return { received, groupId };
}

describe('Kafka client against the real broker', () => {
  let kafka: Kafka;

  beforeAll(() => {
    kafka = createKafka({ brokers: integrationEnvironment().kafkaBrokers, clientId: 'int-test' });
  });

  it('creates missing topics with the requested partitions, and leaves existing ones alone', async () => {
    const topic = uniqueName('topics');
    expect(await ensureTopics(kafka, [{ topic, partitions: 6 }])).toEqual([topic]);
    expect(await ensureTopics(kafka, [{ topic, partitions: 6 }])).toEqual([]);

    const admin = kafka.admin();
    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    await admin.disconnect();
    expect(metadata.topics[0]?.partitions).toHaveLength(6);
  });

  it('round-trips keyed messages through the idempotent producer and a consumer group, in order per key', async () => {
    const topic = uniqueName('ordered');
    await ensureTopics(kafka, [{ topic, partitions: 3 }]);
    const producer: Producer = createOrderedProducer(kafka);
    await producer.connect();
    const sent = Array.from({ length: 30 }, (_, i) => ({
      key: `stream-${i % 5}`,
      value: String(i),
    }));
    await producer.send({ topic, messages: sent });
    await producer.disconnect();

    const { received, groupId } = await consume(kafka, topic, sent.length);

    expect(received.map((m) => m.value).sort()).toEqual(sent.map((m) => m.value).sort());
    for (const key of new Set(sent.map((m) => m.key))) {
      const forKey = received.filter((m) => m.key === key);
      expect(new Set(forKey.map((m) => m.partition)).size).toBe(1);
      expect(forKey.map((m) => m.value)).toEqual(
        sent.filter((m) => m.key === key).map((m) => m.value),
      );
    }
    const admin = kafka.admin();
    await admin.connect();
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    await admin.disconnect();
    // A partition that received no key reports -1 (nothing committed).
    const committed = offsets!.partitions.reduce(
      (sum, p) => sum + Math.max(0, Number(p.offset)),
      0,
    );
    expect(committed).toBe(sent.length);
  });

  it('delivers a committed transaction and hides an aborted one from read-committed consumers', async () => {
    const topic = uniqueName('transactional');
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    const producer = createOrderedProducer(kafka, { transactionalId: uniqueName('tx') });
    await producer.connect();

    const aborted = await producer.transaction();
    await aborted.send({ topic, messages: [{ key: 'k', value: 'aborted' }] });
    await aborted.abort();

    const committed = await producer.transaction();
    await committed.send({
      topic,
      messages: [
        { key: 'k', value: 'first' },
        { key: 'k', value: 'second' },
      ],
    });
    await committed.commit();
    await producer.disconnect();

    const { received } = await consume(kafka, topic, 2);
    expect(received.map((m) => m.value)).toEqual(['first', 'second']);
  });
});
