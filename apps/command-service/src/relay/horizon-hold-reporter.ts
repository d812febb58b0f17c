import type { LoggerService } from '@nestjs/common';
import type { HorizonHolder } from '@ledgerline/outbox-relay';
import type { HorizonHolderLabel, RelayMetrics } from './relay-metrics';

/** The same holder is named again at most this often while it keeps holding. */
export const HORIZON_WARNING_REPEAT_MS = 60_000;

type Metrics = Pick<RelayMetrics, 'horizonHeldSeconds' | 'horizonHolder'>;

/**
 * Turns the relay's horizon reports into the gauges and, once a hold lasts longer than
 * `warnAfterMs`, a warning naming the backend (repeated at most every
 * HORIZON_WARNING_REPEAT_MS for the same transaction), and a line when that hold ends.
 */
export class HorizonHoldReporter {
  private warned?: { holder: HorizonHolder; atMs: number };

  constructor(
    private readonly metrics: Metrics,
    private readonly logger: Pick<LoggerService, 'warn' | 'log'>,
    private readonly warnAfterMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  report(holder: HorizonHolder | undefined): void {
    this.metrics.horizonHolder.reset();
    this.metrics.horizonHeldSeconds.set(holder?.heldSeconds ?? 0);
    if (this.warned && this.warned.holder.transactionId !== holder?.transactionId) {
      this.logger.log({
        msg: `settled horizon released: ${describe(this.warned.holder)} no longer holds it`,
        horizon: fields(this.warned.holder),
      });
      this.warned = undefined;
    }
    if (!holder) return;
    this.metrics.horizonHolder.set(labels(holder), 1);
    if (holder.heldSeconds * 1_000 < this.warnAfterMs) return;
    if (this.warned && this.now() - this.warned.atMs < HORIZON_WARNING_REPEAT_MS) return;
    this.warned = { holder, atMs: this.now() };
    this.logger.warn({
      msg:
        `settled horizon held for ${holder.heldSeconds.toFixed(1)} s by ${describe(holder)}: ` +
        'events committed after its transaction began are not published until it ends' +
        (holder.detailsVisible
          ? ''
          : ' (its state, client and query are hidden from this role: grant it pg_read_all_stats)'),
      horizon: fields(holder),
    });
  }

  /** A standby publishes nothing and reports no horizon. */
  clear(): void {
    this.metrics.horizonHolder.reset();
    this.metrics.horizonHeldSeconds.set(0);
    this.warned = undefined;
  }
}

function describe(holder: HorizonHolder): string {
  const who =
    holder.kind === 'prepared'
      ? `prepared transaction "${holder.gid}"`
      : `pid ${holder.pid} (application "${holder.applicationName ?? ''}")`;
  return `${who} in database "${holder.database ?? '?'}" as "${holder.user ?? '?'}", xid ${holder.transactionId}`;
}

function fields(holder: HorizonHolder) {
  return {
    kind: holder.kind,
    pid: holder.pid,
    gid: holder.gid,
    transactionId: holder.transactionId.toString(),
    database: holder.database,
    user: holder.user,
    applicationName: holder.applicationName,
    clientAddress: holder.clientAddress,
    state: holder.state,
    heldSeconds: Number(holder.heldSeconds.toFixed(3)),
    query: holder.query,
    detailsVisible: holder.detailsVisible,
  };
}

function labels(holder: HorizonHolder): Record<HorizonHolderLabel, string> {
  return {
    pid: holder.pid === null ? '' : String(holder.pid),
    gid: holder.gid ?? '',
    datname: holder.database ?? '',
    usename: holder.user ?? '',
    application_name: holder.applicationName ?? '',
    state: holder.state ?? '',
  };
}
