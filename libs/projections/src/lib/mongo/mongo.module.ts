import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { MongoClient } from 'mongodb';
import { createMongoClient } from './create-mongo-client';
import { MongoHealthIndicator } from './mongo.health';
import { ConfigurableMongoModule, MONGO_OPTIONS } from './mongo.module-definition';
import type { MongoOptions } from './mongo-options';
import { MONGO_CLIENT, MONGO_DATABASE } from './mongo.tokens';

@Global()
@Module({
  imports: [TerminusModule],
  providers: [
    {
      provide: MONGO_CLIENT,
      inject: [MONGO_OPTIONS],
      // Connecting lazily lets the process start (and report not-ready) while MongoDB is down.
      useFactory: (options: MongoOptions) => createMongoClient(options),
    },
    {
      provide: MONGO_DATABASE,
      inject: [MONGO_CLIENT, MONGO_OPTIONS],
      useFactory: (client: MongoClient, options: MongoOptions) => client.db(options.database),
    },
    MongoHealthIndicator,
  ],
  exports: [MONGO_CLIENT, MONGO_DATABASE, MongoHealthIndicator],
})
export class MongoModule extends ConfigurableMongoModule implements OnApplicationShutdown {
  constructor(@Inject(MONGO_CLIENT) private readonly client: MongoClient) {
    super();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
