import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Db } from 'mongodb';
import { MONGO_DATABASE } from './mongo.tokens';

@Injectable()
export class MongoHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(MONGO_DATABASE) private readonly db: Db,
  ) {}

  check(key = 'mongodb') {
    return this.health
      .check(key)
      .attempt(async () => {
        await this.db.command({ ping: 1 });
      })
      .withTimeout(2_000);
  }
}
