import type { OutgoingMessage } from '@ledgerline/messaging';
import type { KafkaMessage } from 'kafkajs';

/** Why a message left the main flow; a stable string operators can alert and route on. */
export type DeadLetterReason =
  | 'malformed-json'
  | 'invalid-envelope'
  | 'unknown-type'
  | 'unknown-version'
  | 'invalid-data'
  | 'version-gap';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  reason: DeadLetterReason;
  detail: string;
  projector?: string;
}

function headerText(value: Buffer | string | (Buffer | string)[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/**
 * The dead-letter copy keeps the original bytes, key and headers, and says in `dlq-*` headers where
 * it came from and why, so it can be inspected and replayed once the cause is fixed.
 */
export function toDeadLetterMessage(letter: DeadLetter, deadLetterTopic: string): OutgoingMessage {
  const original = Object.fromEntries(
    Object.entries(letter.message.headers ?? {})
      .map(([name, value]) => [name, headerText(value)] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== undefined),
  );
  return {
    topic: deadLetterTopic,
    key: letter.message.key?.toString() ?? '',
    value: letter.message.value?.toString() ?? '',
    headers: {
      ...original,
      'dlq-reason': letter.reason,
      'dlq-detail': letter.detail.slice(0, 1_000),
      'dlq-topic': letter.topic,
      'dlq-partition': String(letter.partition),
      'dlq-offset': letter.message.offset,
      ...(letter.projector ? { 'dlq-projector': letter.projector } : {}),
    },
  };
}
