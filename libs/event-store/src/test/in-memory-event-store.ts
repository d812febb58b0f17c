import { ConcurrencyError } from '@ledgerline/domain-kernel';
import type {
  AppendRequest,
  AppendResult,
  EventStore,
  GlobalPosition,
  ReadAllResult,
  StoredEvent,
  StreamInfo,
} from '../lib/event-store';
import {
  IdempotencyKeyAlreadyUsed,
  type IdempotencyRecord,
  type IdempotencyStore,
} from '../lib/idempotency/idempotency';
import { readRecordedOutcome, recordedOutcomeJson } from '../lib/idempotency/recorded-outcome-json';

/**
 * The stream and idempotency rules of PostgresEventStore in memory, for unit tests of what is
 * built on the port (the PostgreSQL store itself runs the contract suite). `beforeAppend` lets a
 * test put another writer's append between a command's load and its append.
 */
export class InMemoryEventStore implements EventStore, IdempotencyStore {
  readonly appends: AppendRequest[] = [];
  beforeAppend: (request: AppendRequest) => Promise<void> | void = () => undefined;
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly keys = new Map<string, { requestHash: string; json: string }>();
  private position = 0n;

  async appendToStream(request: AppendRequest): Promise<AppendResult> {
    await this.beforeAppend(request);
    const stream = this.streams.get(request.streamId) ?? [];
    if (stream.length !== request.expectedVersion) {
      throw new ConcurrencyError(request.streamId, request.expectedVersion, stream.length);
    }
    const keyId = request.idempotency && this.keyId(request.tenantId, request.idempotency);
    if (keyId && this.keys.has(keyId)) throw new IdempotencyKeyAlreadyUsed(keyId);
    const stored = request.events.map((event, index) => ({
      ...event,
      tenantId: request.tenantId,
      streamId: request.streamId,
      streamType: request.streamType,
      streamVersion: request.expectedVersion + index + 1,
      position: ++this.position as GlobalPosition,
      transactionId: 1n,
    }));
    this.streams.set(request.streamId, [...stream, ...stored]);
    this.appends.push(request);
    const last = stored.at(-1)!;
    const result = {
      streamId: request.streamId,
      version: last.streamVersion,
      position: last.position,
    };
    if (keyId && request.idempotency) {
      const outcome = { ...result, ...(request.result ? { result: request.result } : {}) };
      this.keys.set(keyId, {
        requestHash: request.idempotency.requestHash,
        json: recordedOutcomeJson(outcome),
      });
    }
    return result;
  }

  async readStream(streamId: string, options: { fromVersion?: number } = {}) {
    return (this.streams.get(streamId) ?? []).filter(
      (event) => event.streamVersion >= (options.fromVersion ?? 1),
    );
  }

  async streamInfo(streamId: string): Promise<StreamInfo | null> {
    const stream = this.streams.get(streamId);
    const first = stream?.[0];
    return first
      ? { tenantId: first.tenantId, streamType: first.streamType, version: stream.length }
      : null;
  }

  async find(
    tenantId: string,
    principalId: string,
    key: string,
  ): Promise<IdempotencyRecord | null> {
    const row = this.keys.get(this.keyId(tenantId, { principalId, key }));
    return row
      ? { requestHash: row.requestHash, outcome: readRecordedOutcome(JSON.parse(row.json)) }
      : null;
  }

  /** Writes a record as an earlier release did, to test that it is still read. */
  recordRaw(
    tenantId: string,
    principalId: string,
    key: string,
    requestHash: string,
    json: unknown,
  ) {
    this.keys.set(this.keyId(tenantId, { principalId, key }), {
      requestHash,
      json: JSON.stringify(json),
    });
  }

  readAll(): Promise<ReadAllResult> {
    throw new Error('not needed by these tests');
  }

  settledHead(): never {
    throw new Error('not needed by these tests');
  }

  private keyId(tenantId: string, claim: { principalId: string; key: string }): string {
    return `${tenantId}\u0000${claim.principalId}\u0000${claim.key}`;
  }
}
