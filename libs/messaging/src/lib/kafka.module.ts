import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { Kafka } from 'kafkajs';
import { createKafka } from './create-kafka';
import { ConfigurableKafkaModule, KAFKA_OPTIONS } from './kafka.module-definition';
import { KafkaHealthIndicator } from './kafka.health';
import type { KafkaOptions } from './kafka-options';
import { KAFKA_ADMIN, KAFKA_CLIENT } from './kafka.tokens';

@Global()
@Module({
  imports: [TerminusModule],
  providers: [
    {
      provide: KAFKA_CLIENT,
      inject: [KAFKA_OPTIONS],
      useFactory: (options: KafkaOptions) => createKafka(options),
    },
    { provide: KAFKA_ADMIN, inject: [KAFKA_CLIENT], useFactory: (kafka: Kafka) => kafka.admin() },
    KafkaHealthIndicator,
  ],
  exports: [KAFKA_CLIENT, KafkaHealthIndicator],
})
export class KafkaModule extends ConfigurableKafkaModule {}
