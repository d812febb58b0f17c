import type { NewEvent, StoredEvent } from '../event-store';

/** How one aggregate's domain events and state cross into storage and back. */
export interface AggregateCodec<State, Event> {
  streamType: string;
  /** Bumped whenever the serialised state changes shape; older snapshots are then ignored. */
  stateSchemaVersion: number;
  /** Domain event → wire `type`, `schemaVersion` and JSON `data` (latest schema). */
  encode(event: Event): Pick<NewEvent, 'type' | 'schemaVersion' | 'data' | 'occurredAt'>;
  /** Stored event (any schema version; upcast here) → domain event. */
  decode(stored: StoredEvent): Event;
  serializeState(state: State): Record<string, unknown>;
  deserializeState(json: Record<string, unknown>): State;
}
