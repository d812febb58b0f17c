import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { KafkaHealthIndicator } from '@ledgerline/messaging';
import { Public } from '@ledgerline/platform';

/** Probes are public: the orchestrator calls them without credentials. */
@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
  ) {}

  /** The process is alive; dependencies are deliberately not checked (a restart would not fix them). */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Ready to accept commands: PostgreSQL answers. Kafka is reported, but only degrades. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL answers (Kafka is only reported)' })
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.postgres.pingCheck('postgres', { timeout: 2_000 }),
      () => this.kafka.check({ required: false }),
    ]);
  }
}
