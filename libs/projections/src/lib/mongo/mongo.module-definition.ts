import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { MongoOptions } from './mongo-options';

export const {
  ConfigurableModuleClass: ConfigurableMongoModule,
  MODULE_OPTIONS_TOKEN: MONGO_OPTIONS,
} = new ConfigurableModuleBuilder<MongoOptions>().setClassMethodName('forRoot').build();
