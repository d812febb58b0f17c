import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@ledgerline/platform';
import type {
  BatchReport,
  ConsumerState,
  DeadLetter,
  RuntimeObserver,
} from '@ledgerline/projections';
import { Counter, Gauge, Histogram } from 'prom-client';

/** Consumer state and lag, projection latency and dead letters, fed by the runtime's observer. */
@Injectable()
export class ProjectionMetrics implements RuntimeObserver {
  private readonly lag: Gauge<'topic' | 'partition'>;
  private readonly batchDuration: Histogram;
  private readonly events: Counter<'outcome'>;
  private readonly deadLetters: Counter<'reason'>;
  private readonly joinedGauge: Gauge;
  private readonly restarts: Counter;

  constructor(registry: MetricsRegistry) {
    const registers = [registry];
    this.lag = new Gauge({
      name: 'ledgerline_consumer_lag_messages',
      help: 'Messages behind the partition high watermark',
      labelNames: ['topic', 'partition'],
      registers,
    });
    this.batchDuration = new Histogram({
      name: 'ledgerline_projection_batch_duration_seconds',
      help: 'Time to decode, project and write one partition batch',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.events = new Counter({
      name: 'ledgerline_projection_events_total',
      help: 'Events seen by the projectors, by outcome',
      labelNames: ['outcome'],
      registers,
    });
    this.deadLetters = new Counter({
      name: 'ledgerline_dead_letters_total',
      help: 'Messages sent to the dead-letter topic, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.joinedGauge = new Gauge({
      name: 'ledgerline_consumer_joined',
      help: '1 while the projection consumer is a member of its group, 0 while it joins, rebalances or restarts',
      registers,
    });
    this.restarts = new Counter({
      name: 'ledgerline_consumer_restarts_total',
      help: 'Projection consumers dropped after a failure (at start-up or later) and started afresh',
      registers,
    });
  }

  stateChanged(state: ConsumerState): void {
    this.joinedGauge.set(state === 'joined' ? 1 : 0);
  }

  restarting(): void {
    this.restarts.inc();
  }

  batchProcessed(report: BatchReport): void {
    this.lag.set({ topic: report.topic, partition: String(report.partition) }, report.lag);
    this.batchDuration.observe(report.durationMs / 1_000);
    this.events.inc({ outcome: 'applied' }, report.applied);
    this.events.inc({ outcome: 'duplicate' }, report.duplicates);
  }

  deadLettered(letter: DeadLetter): void {
    this.deadLetters.inc({ reason: letter.reason });
  }
}
