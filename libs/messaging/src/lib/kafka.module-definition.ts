import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { KafkaOptions } from './kafka-options';

export const {
  ConfigurableModuleClass: ConfigurableKafkaModule,
  MODULE_OPTIONS_TOKEN: KAFKA_OPTIONS,
} = new ConfigurableModuleBuilder<KafkaOptions>().setClassMethodName('forRoot').build();
