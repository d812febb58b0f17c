import type { Kafka } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  partitions: number;
  /** 1 on a single broker; 3 in production. */
  replicationFactor?: number;
}

/** Creates the topics that do not exist yet; existing topics are left as they are. */
export async function ensureTopics(kafka: Kafka, topics: TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((spec) => !existing.has(spec.topic));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((spec) => ({
        topic: spec.topic,
        numPartitions: spec.partitions,
        replicationFactor: spec.replicationFactor ?? 1,
      })),
    });
    return missing.map((spec) => spec.topic);
  } finally {
    await admin.disconnect();
  }
}
