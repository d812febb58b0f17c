import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { KafkaHealthIndicator } from '@ledgerline/messaging';
import { Public } from '@ledgerline/platform';
import { MongoHealthIndicator } from '@ledgerline/projections';

/** Probes are public: the orchestrator calls them without credentials. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongoHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Ready to serve queries: the views answer, and the event feed (Kafka) is reachable. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.mongo.check(), () => this.kafka.check()]);
  }
}
