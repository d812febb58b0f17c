import { Controller, Get } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  TypeOrmHealthIndicator,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { KafkaHealthIndicator } from '@ledgerline/messaging';
import { Public } from '@ledgerline/platform';
import { RelayService } from './relay.service';

@Public()
@Controller('health')
export class RelayHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly relay: RelayService,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** A standby is ready too: it is what takes over when the leader dies. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.postgres.pingCheck('postgres', { timeout: 2_000 }),
      () => this.kafka.check(),
      () => this.indicators.check('relay').up({ role: this.relay.isLeader ? 'leader' : 'standby' }),
    ]);
  }
}
