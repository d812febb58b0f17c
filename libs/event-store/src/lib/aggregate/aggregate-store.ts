import {
  ConcurrencyError,
  NotFoundError,
  VersionMismatchError,
  type Decider,
} from '@ledgerline/domain-kernel';
import type {
  CommandResult,
  EventMetadata,
  EventStore,
  IdempotencyClaim,
  NewEvent,
} from '../event-store';
import type { CommandOutcome, IdempotencyStore, RecordedOutcome } from '../idempotency/idempotency';
import type { PostgresSnapshotStore } from '../postgres/postgres-snapshot-store';
import type { AggregateCodec } from './aggregate-codec';
import { KeyedSerializer } from './keyed-serializer';
import { LruCache } from './lru-cache';
import { oncePerKey } from './once-per-key';

/** Where snapshots are kept (PostgresSnapshotStore). */
export type SnapshotStore = Pick<PostgresSnapshotStore, 'load' | 'save'>;

export interface LoadedAggregate<State> {
  state: State;
  /** 0 when the stream does not exist yet. */
  version: number;
  tenantId: string | null;
}

/** Who issues a command and how: everything `handle` needs besides the stream and the command. */
export interface HandleOptions<Command, State> {
  tenantId: string;
  metadata: EventMetadata;
  /** Ids for the new events; called once per event (injected, so tests are deterministic). */
  newEventId: () => string;
  /** If-Match: decide only if the stream is at exactly this version. */
  expectedVersion?: number;
  /** Throws (e.g. a 403) when the caller may not issue this command on this state. */
  authorize?: (state: State, command: Command) => void;
  /** At most one append per key; a retry gets the recorded outcome back (once-per-key.ts). */
  idempotency?: IdempotencyClaim;
  /** Added to the outcome, and recorded with the idempotency key for a retry. */
  result?: CommandResult;
}

export interface AggregateStoreOptions {
  /** Take a snapshot each time the stream crosses a multiple of this many events; 0 disables. */
  snapshotEvery: number;
  /** Re-decisions after a concurrent append before giving up with ConcurrencyError. */
  maxRetries: number;
  /** Told about every lost append race (for metrics). */
  onConflict?: (streamType: string) => void;
  /**
   * Streams whose state this process keeps after its own appends (least recently used beyond
   * that are forgotten); 0 disables. Default 0.
   */
  stateCacheSize?: number;
}

/**
 * The command side's one generic command handler, used by every domain: `handle` runs a command
 * at most once per idempotency key, then load (snapshot + tail) → authorize → decide → append
 * with the loaded version as expectation. A conflict means someone else appended in between, so
 * the command is decided again on the new state, a bounded number of times; only conflicts are
 * retried. A domain supplies its decider and codec; nothing here knows a transport.
 *
 * The state this process reached with its own last append is kept (`stateCacheSize`) and used
 * instead of a load for the stream's next command. It may be stale (another replica appended
 * since): then the append's expected version is behind, the store refuses it as a conflict, and
 * the retry decides on a fresh load. Optimistic concurrency keeps the cache correct; it only saves
 * the two reads and the replay when this process is the stream's only writer.
 */
export class AggregateStore<Command, State, Event> {
  private readonly inProcess = new KeyedSerializer();
  private readonly reached: LruCache<string, LoadedAggregate<State>>;

  constructor(
    private readonly events: EventStore & IdempotencyStore,
    private readonly snapshots: SnapshotStore,
    private readonly decider: Decider<Command, State, Event>,
    private readonly codec: AggregateCodec<State, Event>,
    private readonly options: AggregateStoreOptions,
  ) {
    this.reached = new LruCache(options.stateCacheSize ?? 0);
  }

  async load(streamId: string): Promise<LoadedAggregate<State>> {
    const { state: snapshotState, version: snapshotVersion } = await this.loadSnapshot(streamId);
    let state = snapshotState;
    let version = snapshotVersion;
    let tenantId: string | null = null;
    for (const stored of await this.events.readStream(streamId, { fromVersion: version + 1 })) {
      state = this.decider.evolve(state, this.codec.decode(stored));
      version = stored.streamVersion;
      tenantId = stored.tenantId;
    }
    if (version > 0 && tenantId === null)
      tenantId = (await this.events.streamInfo(streamId))?.tenantId ?? null;
    return { state, version, tenantId };
  }

  handle(
    streamId: string,
    command: Command,
    options: HandleOptions<Command, State>,
  ): Promise<CommandOutcome> {
    const append = () =>
      this.inProcess.run(streamId, () => this.decideAndAppend(streamId, command, options));
    return options.idempotency
      ? oncePerKey(this.events, options.tenantId, options.idempotency, append)
      : append().then((outcome) => ({ ...outcome, replayed: false }));
  }

  private async decideAndAppend(
    streamId: string,
    command: Command,
    options: HandleOptions<Command, State>,
  ): Promise<RecordedOutcome> {
    for (let attempt = 0; ; attempt++) {
      const cached = attempt === 0 ? this.reached.get(streamId) : undefined;
      // If-Match compares against the stream's real version, never a possibly stale cached one.
      const usable =
        cached &&
        (options.expectedVersion === undefined || options.expectedVersion === cached.version);
      const loaded = usable ? cached : await this.load(streamId);
      // Another tenant's stream is indistinguishable from a missing one.
      if (loaded.version > 0 && loaded.tenantId !== options.tenantId) {
        throw new NotFoundError(this.codec.streamType, streamId);
      }
      if (options.expectedVersion !== undefined && options.expectedVersion !== loaded.version) {
        throw new VersionMismatchError(streamId, options.expectedVersion, loaded.version);
      }
      options.authorize?.(loaded.state, command);
      const decided = this.decider.decide(command, loaded.state);
      try {
        const result = await this.events.appendToStream({
          tenantId: options.tenantId,
          streamId,
          streamType: this.codec.streamType,
          expectedVersion: loaded.version,
          events: decided.map((event) => this.toNewEvent(event, options)),
          ...(options.idempotency ? { idempotency: options.idempotency } : {}),
          ...(options.result !== undefined ? { result: options.result } : {}),
        });
        const state = decided.reduce(
          (current, event) => this.decider.evolve(current, event),
          loaded.state,
        );
        this.reached.set(streamId, { state, version: result.version, tenantId: options.tenantId });
        await this.snapshotIfDue(streamId, options.tenantId, loaded.version, state, result.version);
        return options.result !== undefined ? { ...result, result: options.result } : result;
      } catch (error) {
        // Whatever failed, the stream may have moved (or the append's outcome is unknown).
        this.reached.delete(streamId);
        if (!(error instanceof ConcurrencyError)) throw error;
        this.options.onConflict?.(this.codec.streamType);
        if (options.expectedVersion !== undefined) {
          throw new VersionMismatchError(streamId, options.expectedVersion, loaded.version + 1);
        }
        if (attempt >= this.options.maxRetries) throw error;
        await jitteredPause(attempt);
      }
    }
  }

  /** A snapshot that cannot be read back is ignored: it is a cache, the stream is the truth. */
  private async loadSnapshot(streamId: string): Promise<{ state: State; version: number }> {
    const snapshot = await this.snapshots.load(streamId, this.codec.stateSchemaVersion);
    if (snapshot) {
      try {
        return {
          state: this.codec.deserializeState(snapshot.state),
          version: snapshot.streamVersion,
        };
      } catch {
        // fall through to a full replay
      }
    }
    return { state: this.decider.initialState(), version: 0 };
  }

  private toNewEvent(event: Event, options: HandleOptions<Command, State>): NewEvent {
    return {
      eventId: options.newEventId(),
      metadata: options.metadata,
      ...this.codec.encode(event),
    };
  }

  /** Best effort: a failed snapshot only costs a longer replay next time. */
  private async snapshotIfDue(
    streamId: string,
    tenantId: string,
    previousVersion: number,
    state: State,
    newVersion: number,
  ): Promise<void> {
    const every = this.options.snapshotEvery;
    if (every <= 0 || Math.floor(newVersion / every) === Math.floor(previousVersion / every))
      return;
    await this.snapshots
      .save(tenantId, streamId, this.codec.stateSchemaVersion, {
        streamVersion: newVersion,
        state: this.codec.serializeState(state),
      })
      .catch(() => undefined);
  }
}

/** Spreads retries of racing writers apart so they do not collide again in lockstep. */
function jitteredPause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(50, 2 ** attempt * 2);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
