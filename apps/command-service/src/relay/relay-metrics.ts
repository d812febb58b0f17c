import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@ledgerline/platform';
import { Counter, Gauge } from 'prom-client';

/** What operators watch on the relay: is anyone leading, how far behind is Kafka. */
@Injectable()
export class RelayMetrics {
  readonly published: Counter;
  readonly leader: Gauge;
  readonly lagEvents: Gauge;
  readonly lagSeconds: Gauge;

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
  }
}
