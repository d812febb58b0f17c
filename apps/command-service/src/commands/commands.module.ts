import { Global, Module } from '@nestjs/common';
import { Clock, IdGenerator, RandomUuidGenerator, SystemClock } from '@ledgerline/platform';
import { CommandMetrics } from './command-metrics';
import { IdempotentCommandRunner } from './idempotent-command.runner';

/** What every command slice shares: the clock, the id source and the idempotent runner. */
@Global()
@Module({
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: IdGenerator, useClass: RandomUuidGenerator },
    IdempotentCommandRunner,
    CommandMetrics,
  ],
  exports: [Clock, IdGenerator, IdempotentCommandRunner, CommandMetrics],
})
export class CommandsModule {}
