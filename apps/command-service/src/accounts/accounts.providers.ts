import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { accountDecider } from '@ledgerline/accounts-domain';
import { AggregateStore, PostgresEventStore, PostgresSnapshotStore } from '@ledgerline/event-store';
import { CommandMetrics } from '../commands/command-metrics';
import type { CommandServiceEnvironment } from '../config/command-service.environment';
import { accountCodec } from './account-event.codec';
import { ACCOUNT_AGGREGATES, AccountCommandService } from './account-command.service';
import { AccountEventsReader } from './account-events.reader';
import { CloseAccountHandler } from './commands/close-account.handler';
import { DepositMoneyHandler } from './commands/deposit-money.handler';
import { OpenAccountHandler } from './commands/open-account.handler';
import { WithdrawMoneyHandler } from './commands/withdraw-money.handler';

export const accountCommandHandlers: Provider[] = [
  OpenAccountHandler,
  DepositMoneyHandler,
  WithdrawMoneyHandler,
  CloseAccountHandler,
];

export const accountProviders: Provider[] = [
  {
    provide: ACCOUNT_AGGREGATES,
    inject: [PostgresEventStore, PostgresSnapshotStore, ConfigService, CommandMetrics],
    useFactory: (
      events: PostgresEventStore,
      snapshots: PostgresSnapshotStore,
      config: ConfigService<CommandServiceEnvironment, true>,
      metrics: CommandMetrics,
    ) =>
      new AggregateStore(events, snapshots, accountDecider, accountCodec, {
        snapshotEvery: config.get('SNAPSHOT_EVERY', { infer: true }),
        stateCacheSize: config.get('STATE_CACHE_SIZE', { infer: true }),
        maxRetries: config.get('COMMAND_MAX_RETRIES', { infer: true }),
        onConflict: (streamType) => metrics.appendConflict(streamType),
      }),
  },
  AccountCommandService,
  AccountEventsReader,
];
