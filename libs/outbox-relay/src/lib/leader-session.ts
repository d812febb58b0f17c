import { Client } from 'pg';

export const EVENTS_CHANNEL = 'ledgerline_events';

/**
 * One dedicated PostgreSQL connection that (a) holds the relay's advisory lock, so exactly one
 * relay publishes, and (b) LISTENs for appends, so the leader wakes as soon as events commit.
 * A session-level advisory lock dies with its connection: when the leader process is killed,
 * PostgreSQL drops the connection and a standby's next `tryAcquire` wins.
 */
export class LeaderSession {
  private client?: Client;
  private leader = false;
  private wake?: (notified: boolean) => void;
  private notified = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly lockName: string,
  ) {}

  get isLeader(): boolean {
    return this.leader && this.client !== undefined;
  }

  /** Tries once; true when this session is (or already was) the leader. */
  async tryAcquire(): Promise<boolean> {
    if (this.isLeader) return true;
    const client = await this.connected();
    const { rows } = await client.query<{ acquired: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS acquired',
      [this.lockName],
    );
    this.leader = rows[0]?.acquired === true;
    if (this.leader) await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    return this.leader;
  }

  /**
   * Waits for the next append notification (true), `ms` to pass (false), or the connection to be
   * lost (false). A notification that arrived while nobody was waiting is not lost.
   */
  waitForAppend(ms: number): Promise<boolean> {
    if (this.notified) {
      this.notified = false;
      return Promise.resolve(true);
    }
    if (!this.isLeader) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(false), ms);
      const finish = (notified: boolean) => {
        clearTimeout(timer);
        this.wake = undefined;
        this.notified = false;
        resolve(notified);
      };
      this.wake = finish;
    });
  }

  /** Ends a pending `waitForAppend` early (on shutdown). */
  interrupt(): void {
    this.wake?.(false);
  }

  /** Gives up leadership (and the lock) by closing the connection. */
  async close(): Promise<void> {
    const client = this.client;
    this.forget();
    if (client) await client.end().catch(() => undefined);
  }

  private async connected(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: 'outbox-relay',
    });
    client.on('notification', () => {
      this.notified = true;
      this.wake?.(true);
    });
    // A lost connection means a lost lock: stop acting as leader at once.
    client.on('error', () => this.forget());
    client.on('end', () => this.forget());
    await client.connect();
    this.client = client;
    return client;
  }

  private forget(): void {
    this.client = undefined;
    this.leader = false;
    this.wake?.(false);
  }
}
