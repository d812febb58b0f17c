/** Kafka topic names. One topic per stream type keeps per-stream order (key = streamId). */
export const TOPICS = {
  accounts: 'ledgerline.accounts.events',
  transfers: 'ledgerline.transfers.events',
  deadLetter: 'ledgerline.dead-letter',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];
