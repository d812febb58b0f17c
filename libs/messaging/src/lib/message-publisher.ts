/** A message for the bus; the adapter decides the wire details. */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * The port the relay and the dead-letter writer publish through, so they depend on what
 * publishing promises rather than on kafkajs, and can be tested without it. `publish` resolves
 * only once the broker acknowledged every message (all in-sync replicas); order is kept per key.
 */
export interface MessagePublisher {
  connect(): Promise<void>;
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}
