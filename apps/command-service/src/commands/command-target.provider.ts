import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Decider } from '@ledgerline/domain-kernel';
import {
  AggregateStore,
  PostgresEventStore,
  PostgresSnapshotStore,
  type AggregateCodec,
} from '@ledgerline/event-store';
import type { CommandServiceEnvironment } from '../config/command-service.environment';
import { CommandMetrics } from './command-metrics';
import type { CommandTarget } from './command-target';

export interface DomainCommands<Command, State, Event> {
  decider: Decider<Command, State, Event>;
  codec: AggregateCodec<State, Event>;
  authorize: CommandTarget<Command, State>['authorize'];
}

/**
 * Provides a domain's CommandTarget under `token`: its decider and codec over this service's
 * event store, with the retry, snapshot and state-cache settings and the conflict metric that
 * every domain shares.
 */
export function commandTargetProvider<Command, State, Event>(
  token: symbol,
  domain: DomainCommands<Command, State, Event>,
): Provider {
  return {
    provide: token,
    inject: [PostgresEventStore, PostgresSnapshotStore, ConfigService, CommandMetrics],
    useFactory: (
      events: PostgresEventStore,
      snapshots: PostgresSnapshotStore,
      config: ConfigService<CommandServiceEnvironment, true>,
      metrics: CommandMetrics,
    ): CommandTarget<Command, State> => ({
      aggregates: new AggregateStore(events, snapshots, domain.decider, domain.codec, {
        snapshotEvery: config.get('SNAPSHOT_EVERY', { infer: true }),
        stateCacheSize: config.get('STATE_CACHE_SIZE', { infer: true }),
        maxRetries: config.get('COMMAND_MAX_RETRIES', { infer: true }),
        onConflict: (streamType) => metrics.appendConflict(streamType),
      }),
      authorize: domain.authorize,
    }),
  };
}
