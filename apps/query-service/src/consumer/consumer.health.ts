import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { ConsumerState } from '@ledgerline/projections';

/**
 * The projection consumer's state for the readiness details, recorded from the runtime's observer.
 * It never fails readiness: a replica whose consumer is joining or restarting still answers reads
 * from the views (`minVersion` reads wait for it, then answer CONSISTENCY_TIMEOUT). `degraded`
 * keeps the probe at 200 and tells an operator the views are not moving, as
 * `ledgerline_consumer_joined` tells alerts.
 */
@Injectable()
export class ConsumerHealthIndicator {
  private state: ConsumerState = 'stopped';
  private since = new Date().toISOString();
  private lastFailure?: { at: string; error: string };

  constructor(private readonly health: HealthIndicatorService) {}

  stateChanged(state: ConsumerState): void {
    this.state = state;
    this.since = new Date().toISOString();
  }

  restarting(error: unknown): void {
    this.lastFailure = { at: new Date().toISOString(), error: String(error) };
  }

  check(key = 'consumer') {
    const session = this.health.check(key);
    const details = { state: this.state, since: this.since, lastFailure: this.lastFailure ?? null };
    return this.state === 'joined' ? session.up(details) : session.degraded(details);
  }
}
