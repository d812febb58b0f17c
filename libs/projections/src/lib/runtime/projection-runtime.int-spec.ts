import { randomUUID } from 'node:crypto';
import type { LatestEventEnvelope } from '@ledgerline/contracts';
import {
  createKafka,
  createOrderedProducer,
  ensureTopics,
  KafkaPublisher,
} from '@ledgerline/messaging';
import { integrationEnvironment, uniqueName } from '@ledgerline/testing';
import type { Collection, MongoClient } from 'mongodb';
import { createMongoClient } from '../mongo/create-mongo-client';
import { ProjectionRuntime, type BatchReport } from './projection-runtime';
import { emptyOutcome, type Projector } from './projector';

/** A real MongoDB-backed projector with the version guard: counts deposits per stream. */
class DepositCounter implements Projector {
  readonly name = 'deposit-counter';
  constructor(
    private readonly docs: Collection<{ _id: string; version: number; deposits: number }>,
  ) {}

  async project(events: readonly LatestEventEnvelope[]) {
    const outcome = emptyOutcome();
    for (const event of events) {
      const doc = await this.docs.findOne({ _id: event.streamId });
      const version = doc?.version ?? 0;
      if (event.streamVersion <= version) outcome.duplicates += 1;
      else if (event.streamVersion > version + 1) {
        outcome.gaps.push({
          envelope: event,
          reason: `view at ${version}, event ${event.streamVersion}`,
        });
      } else {
        await this.docs.updateOne(
          { _id: event.streamId, version },
          { $set: { version: event.streamVersion }, $inc: { deposits: 1 } },
          { upsert: version === 0 },
        );
        outcome.applied += 1;
      }
    }
    return outcome;
  }
}

function depositEnvelope(streamId: string, streamVersion: number): string {
  return JSON.stringify({
    eventId: randomUUID(),
    type: 'account.money-deposited',
    schemaVersion: 1,
    streamId,
    streamType: 'account',
    streamVersion,
    position: String(streamVersion),
    tenantId: 't',
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    data: {
      accountId: streamId,
      amount: '100',
      currency: 'EUR',
      reference: null,
      balanceAfter: String(streamVersion * 100),
    },
  });
}

describe('ProjectionRuntime against real Kafka and MongoDB', () => {
  const env = integrationEnvironment();
  const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'runtime-test' });
  const topic = uniqueName('events');
  const deadLetterTopic = uniqueName('dlq');
  let mongo: MongoClient;
  let docs: Collection<{ _id: string; version: number; deposits: number }>;

  beforeAll(async () => {
    await ensureTopics(kafka, [
      { topic, partitions: 2 },
      { topic: deadLetterTopic, partitions: 1 },
    ]);
    mongo = createMongoClient({ url: env.mongoUrl, database: env.mongoDatabase });
    await mongo.connect();
    docs = mongo.db(env.mongoDatabase).collection(uniqueName('counter'));
  });

  afterAll(async () => {
    await mongo.close();
  });

  function runtime(groupId: string, reports: BatchReport[] = []) {
    return new ProjectionRuntime(
      kafka,
      [new DepositCounter(docs)],
      new KafkaPublisher(kafka),
      { groupId, topics: [topic], deadLetterTopic, gapRetries: 2, gapRetryDelayMs: 50 },
      { batchProcessed: (report) => reports.push(report) },
    );
  }

  async function until(condition: () => Promise<boolean>, what: string) {
    const deadline = Date.now() + 30_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function readDeadLetters(count: number) {
    const consumer = kafka.consumer({ groupId: uniqueName('dlq-reader'), maxWaitTimeInMs: 100 });
    const letters: Array<{ headers: Record<string, string>; value: string }> = [];
    await consumer.connect();
    await consumer.subscribe({ topic: deadLetterTopic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          const headers = Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
          );
          letters.push({ headers, value: message.value?.toString() ?? '' });
          if (letters.length >= count) resolve();
        },
      });
    });
    await consumer.disconnect();
    return letters;
  }

  it('dead-letters poison and gaps, keeps the partition moving, and is effectively-once under redelivery and replay', async () => {
    const stream = randomUUID();
    const producer = createOrderedProducer(kafka);
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { key: stream, value: depositEnvelope(stream, 1) },
        { key: stream, value: '{ not json', headers: { type: 'account.money-deposited' } },
        { key: stream, value: depositEnvelope(stream, 2) },
        { key: stream, value: depositEnvelope(stream, 2) }, // redelivered duplicate
        { key: stream, value: depositEnvelope(stream, 5) }, // gap: 3 and 4 never come
        { key: stream, value: depositEnvelope(stream, 3) },
      ],
    });

    const first = runtime(uniqueName('group'));
    first.start();
    await until(
      async () => (await docs.findOne({ _id: stream }))?.version === 3,
      'view at version 3',
    );
    await first.stop();

    expect(await docs.findOne({ _id: stream })).toEqual({ _id: stream, version: 3, deposits: 3 });
    const letters = await readDeadLetters(2);
    expect(letters.map((l) => l.headers['dlq-reason']).sort()).toEqual([
      'malformed-json',
      'version-gap',
    ]);
    const gap = letters.find((l) => l.headers['dlq-reason'] === 'version-gap')!;
    expect(gap.headers).toMatchObject({ 'dlq-topic': topic, 'dlq-projector': 'deposit-counter' });
    expect(JSON.parse(gap.value).streamVersion).toBe(5);

    // A new consumer group replays the partition from offset 0: nothing changes.
    const reports: BatchReport[] = [];
    const replay = runtime(uniqueName('replay'), reports);
    replay.start();
    const processed = () => reports.reduce((sum, r) => sum + r.messages, 0);
    await until(async () => processed() >= 6, 'the replay to read the whole partition');
    await replay.stop();
    expect(reports.reduce((sum, r) => sum + r.applied, 0)).toBe(0);
    expect(reports.reduce((sum, r) => sum + r.duplicates, 0)).toBe(4);
    expect(await docs.findOne({ _id: stream })).toEqual({ _id: stream, version: 3, deposits: 3 });
    await producer.disconnect();
  });
});
