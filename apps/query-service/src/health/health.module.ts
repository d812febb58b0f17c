import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ProjectionConsumerModule } from '../consumer/projection-consumer.module';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule, ProjectionConsumerModule],
  controllers: [HealthController],
})
export class HealthModule {}
