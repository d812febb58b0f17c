import type { Admin, Kafka } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  partitions: number;
  /** 1 on a single broker; 3 in production. */
  replicationFactor?: number;
}

const LEADER_WAIT_MS = 30_000;
const LEADER_POLL_MS = 100;

/**
 * Creates the topics that do not exist yet (existing topics are left as they are) and returns once
 * every partition of every topic has a leader, so the caller can produce and subscribe at once.
 */
export async function ensureTopics(kafka: Kafka, topics: TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((spec) => !existing.has(spec.topic));
    if (missing.length > 0) {
      // Returns false (no error) for topics another relay created in the meantime.
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((spec) => ({
          topic: spec.topic,
          numPartitions: spec.partitions,
          replicationFactor: spec.replicationFactor ?? 1,
        })),
      });
    }
    await waitForLeaders(
      admin,
      topics.map((spec) => spec.topic),
    );
    return missing.map((spec) => spec.topic);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Whether every topic exists and every partition has a leader. kafkajs's own `waitForLeaders`
 * retries only LEADER_NOT_AVAILABLE, but a KRaft broker answers UNKNOWN_TOPIC_OR_PARTITION for a
 * moment after a creation was acknowledged, which failed the relay's start-up now and then.
 */
export async function topicsHaveLeaders(admin: Admin, topics: string[]): Promise<boolean> {
  try {
    // Listing first: a metadata request for a missing topic would auto-create it where the broker
    // allows that, with the broker's partition count instead of the relay's.
    const existing = new Set(await admin.listTopics());
    if (!topics.every((topic) => existing.has(topic))) return false;
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
    return (
      metadata.length === topics.length &&
      metadata.every(
        (topic) =>
          topic.partitions.length > 0 &&
          topic.partitions.every((partition) => partition.leader >= 0),
      )
    );
  } catch {
    return false; // unknown topic, or metadata not propagated yet
  }
}

async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + LEADER_WAIT_MS;
  while (!(await topicsHaveLeaders(admin, topics))) {
    if (Date.now() > deadline)
      throw new Error(
        `topics ${topics.join(', ')} still have no leaders after ${LEADER_WAIT_MS} ms`,
      );
    await new Promise((resolve) => setTimeout(resolve, LEADER_POLL_MS));
  }
}
