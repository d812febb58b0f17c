import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, IdGenerator, RandomUuidGenerator, SystemClock } from '@ledgerline/platform';
import { CommandMetrics } from './command-metrics';
import { ExecuteCommandHandler } from './execute-command.handler';

/** What every command slice shares: the CommandBus with its one handler, the clock, the ids. */
@Global()
@Module({
  imports: [CqrsModule],
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: IdGenerator, useClass: RandomUuidGenerator },
    CommandMetrics,
    ExecuteCommandHandler,
  ],
  exports: [CqrsModule, Clock, IdGenerator, CommandMetrics],
})
export class CommandsModule {}
