/** Kafka topic names. One topic per stream type keeps per-stream order (key = streamId). */
export const TOPICS = {
  accounts: 'ledgerline.accounts.events',
  transfers: 'ledgerline.transfers.events',
  deadLetter: 'ledgerline.dead-letter',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

const TOPIC_BY_STREAM_TYPE: ReadonlyMap<string, TopicName> = new Map([
  ['account', TOPICS.accounts],
  ['transfer', TOPICS.transfers],
]);

/**
 * The topic a stream's events are published to. `prefix` namespaces every topic of a deployment
 * (tests use it to stay apart on a shared broker). A stream type this library does not know yet
 * still gets a predictable topic, `ledgerline.<type>.events`, instead of stopping the relay: the
 * relay publishes in commit order, so one unpublishable event would hold back every later one.
 */
export function topicForStreamType(streamType: string, prefix = ''): string {
  const topic = TOPIC_BY_STREAM_TYPE.get(streamType) ?? `ledgerline.${sanitize(streamType)}.events`;
  return `${prefix}${topic}`;
}

/** Kafka topic names allow [a-zA-Z0-9._-]; a stream type contributes one dot-free segment. */
function sanitize(streamType: string): string {
  return streamType.replace(/[^a-zA-Z0-9_-]/g, '_') || '_';
}
