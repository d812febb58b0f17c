import type { Brand } from '@ledgerline/domain-kernel';

/** Global position in the store: assigned at insert, so NOT commit order (see Checkpoint). */
export type GlobalPosition = Brand<bigint, 'GlobalPosition'>;

export interface EventMetadata {
  correlationId: string;
  causationId: string;
  /** W3C trace context of the request that caused the event. */
  traceparent?: string;
  /** Who issued the command (JWT `sub`). */
  actorId?: string;
}

/** An event about to be appended; serialisation to JSON (bigints as strings) happened already. */
export interface NewEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  occurredAt: string;
}

export interface StoredEvent extends NewEvent {
  tenantId: string;
  streamId: string;
  streamType: string;
  streamVersion: number;
  position: GlobalPosition;
  transactionId: bigint;
}

/** A position in commit order: the writing transaction's id, then the position within it. */
export interface Checkpoint {
  transactionId: bigint;
  position: bigint;
}

export const START_OF_STORE: Checkpoint = { transactionId: 0n, position: 0n };

/**
 * Makes an append safe to retry: recorded in the events' transaction, so the same key can never
 * append twice. `requestHash` tells a retry from another request under the same key.
 */
export interface IdempotencyClaim {
  principalId: string;
  key: string;
  /** Hash of the request (for HTTP: method, path, body): the same key with another is refused. */
  requestHash: string;
}

export interface AppendRequest {
  tenantId: string;
  streamId: string;
  streamType: string;
  /** The version the decision was based on; 0 for a stream that must not exist yet. */
  expectedVersion: number;
  events: NewEvent[];
  /** Recorded in the same transaction as the events, so a retry can never append twice. */
  idempotency?: IdempotencyClaim;
  /** Recorded with the idempotency key, returned to a retry (e.g. the transferId a domain chose). */
  result?: CommandResult;
}

/** A small JSON object a domain adds to what its command's append produced. */
export type CommandResult = Record<string, unknown>;

export interface AppendResult {
  streamId: string;
  /** Stream version after the append (that of the last event). */
  version: number;
  /** Global position of the last appended event. */
  position: GlobalPosition;
}

export interface ReadStreamOptions {
  /** First stream version to return (1-based, inclusive). */
  fromVersion?: number;
  limit?: number;
}

export interface ReadAllResult {
  events: StoredEvent[];
  /** Where the next read continues; unchanged when nothing was read. */
  checkpoint: Checkpoint;
}

export interface StreamInfo {
  tenantId: string;
  streamType: string;
  version: number;
}

/** The event store port; `PostgresEventStore` implements it and runs the contract suite. */
export interface EventStore {
  appendToStream(request: AppendRequest): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** Only events whose transactions are settled, in commit order, strictly after `after`. */
  readAll(after: Checkpoint, limit: number): Promise<ReadAllResult>;
  streamInfo(streamId: string): Promise<StreamInfo | null>;
  /** The checkpoint of the last settled event (START_OF_STORE when empty). */
  settledHead(): Promise<Checkpoint>;
}
