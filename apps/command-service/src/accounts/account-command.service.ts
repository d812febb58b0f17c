import { Inject, Injectable } from '@nestjs/common';
import type { AccountCommand, AccountEvent, AccountState } from '@ledgerline/accounts-domain';
import { AggregateStore, type StoredResponse } from '@ledgerline/event-store';
import { Clock, IdGenerator } from '@ledgerline/platform';
import type { CommandContext } from '../commands/command-context';
import { CommandMetrics } from '../commands/command-metrics';
import { IdempotentCommandRunner, type Respond } from '../commands/idempotent-command.runner';
import { assertMayActOn } from './account-access';

export const ACCOUNT_AGGREGATES = Symbol('ACCOUNT_AGGREGATES');
export type AccountAggregates = AggregateStore<AccountCommand, AccountState, AccountEvent>;

/** The accounts slice's path from a built domain command to a stored, replayable response. */
@Injectable()
export class AccountCommandService {
  constructor(
    @Inject(ACCOUNT_AGGREGATES) private readonly aggregates: AccountAggregates,
    private readonly runner: IdempotentCommandRunner,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly metrics: CommandMetrics,
  ) {}

  execute(
    accountId: string,
    context: CommandContext,
    build: (metadata: { now: Date }) => AccountCommand,
    respond: Respond,
  ): Promise<StoredResponse> {
    const command = build({ now: this.clock.now() });
    const { principal } = context;
    const run = () =>
      this.runner.run(context, respond, (idempotency) =>
        this.aggregates.handle(accountId, command, {
          tenantId: principal.tenantId,
          metadata: {
            correlationId: context.correlationId,
            causationId: this.ids.newId(),
            actorId: principal.userId,
            ...(context.traceparent ? { traceparent: context.traceparent } : {}),
          },
          newEventId: () => this.ids.newId(),
          authorize: (state) => assertMayActOn(principal, state),
          ...(context.expectedVersion !== undefined
            ? { expectedVersion: context.expectedVersion }
            : {}),
          ...(idempotency ? { idempotency } : {}),
        }),
      );
    return this.metrics.count(
      command.type,
      run,
      (response) => response.headers['idempotent-replayed'] === 'true',
    );
  }
}
