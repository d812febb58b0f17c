import { Controller, Get } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthCheck, HealthCheckService, type HealthIndicatorFunction } from '@nestjs/terminus';
import { KafkaHealthIndicator } from '@ledgerline/messaging';
import { Public } from '@ledgerline/platform';
import { MongoHealthIndicator } from '@ledgerline/projections';
import type { QueryServiceEnvironment } from '../config/query-service.environment';
import { ConsumerHealthIndicator } from '../consumer/consumer.health';

/** Probes are public: the orchestrator calls them without credentials. */
@Public()
@Controller('health')
export class HealthController {
  private readonly projecting: boolean;

  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongoHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly consumer: ConsumerHealthIndicator,
    config: ConfigService<QueryServiceEnvironment, true>,
  ) {
    this.projecting = config.get('PROJECTIONS_ENABLED', { infer: true }) === 'true';
  }

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * Ready to serve queries = the views answer (MongoDB). Reads need nothing else, so Kafka and the
   * consumer are reported (`degraded`, still 200, when they are not well) but never take a replica
   * out of the Service: after a broker restart or a rebalance it keeps answering from the views.
   * The Kafka check is kept short so an unreachable broker cannot time the probe out.
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    const checks: HealthIndicatorFunction[] = [
      () => this.mongo.check(),
      () => this.kafka.check({ required: false, timeoutMs: 1_000 }),
    ];
    if (this.projecting) checks.push(() => this.consumer.check());
    return this.health.check(checks);
  }
}
