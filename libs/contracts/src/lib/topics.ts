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
 * (tests use it to stay apart on a shared broker). Unknown stream types are a programming error.
 */
export function topicForStreamType(streamType: string, prefix = ''): string {
  const topic = TOPIC_BY_STREAM_TYPE.get(streamType);
  if (topic === undefined)
    throw new Error(`no topic for stream type ${JSON.stringify(streamType)}`);
  return `${prefix}${topic}`;
}
