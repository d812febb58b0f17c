import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@ledgerline/platform';
import { Counter, Gauge } from 'prom-client';

export const HORIZON_HOLDER_LABELS = [
  'pid',
  'gid',
  'datname',
  'usename',
  'application_name',
  'state',
] as const;
export type HorizonHolderLabel = (typeof HORIZON_HOLDER_LABELS)[number];

/**
 * What operators watch on the relay: is anyone leading, how far behind is Kafka, and what holds
 * the settled horizon that publishing waits for.
 */
@Injectable()
export class RelayMetrics {
  readonly published: Counter;
  readonly leader: Gauge;
  readonly lagEvents: Gauge;
  readonly lagSeconds: Gauge;
  readonly horizonHeldSeconds: Gauge;
  readonly horizonHolder: Gauge<HorizonHolderLabel>;

  constructor(registry: MetricsRegistry) {
    const registers = [registry];
    this.published = new Counter({
      name: 'ledgerline_relay_published_events_total',
      help: 'Events published to Kafka and acknowledged',
      registers,
    });
    this.leader = new Gauge({
      name: 'ledgerline_relay_leader',
      help: '1 while this relay holds the lock and publishes',
      registers,
    });
    this.lagEvents = new Gauge({
      name: 'ledgerline_relay_lag_events',
      help: 'Events recorded but not yet published (capped at 100000)',
      registers,
    });
    this.lagSeconds = new Gauge({
      name: 'ledgerline_relay_lag_seconds',
      help: 'Age of the oldest event not yet published',
      registers,
    });
    this.horizonHeldSeconds = new Gauge({
      name: 'ledgerline_relay_horizon_held_seconds',
      help: 'How long the oldest running transaction of the PostgreSQL cluster has held the settled horizon: events committed after it began wait for it (0: none)',
      registers,
    });
    this.horizonHolder = new Gauge({
      name: 'ledgerline_relay_horizon_holder',
      help: '1 for the backend (or prepared transaction) holding the settled horizon; no series when none',
      labelNames: HORIZON_HOLDER_LABELS,
      registers,
    });
  }
}
