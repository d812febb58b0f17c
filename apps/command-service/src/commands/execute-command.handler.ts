import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome, HandleOptions } from '@ledgerline/event-store';
import { Clock, IdGenerator } from '@ledgerline/platform';
import { CommandMetrics } from './command-metrics';
import { ExecuteCommand } from './execute-command';

/**
 * Why `@nestjs/cqrs` here: the CommandBus is the one place every command is dispatched — by the
 * routes of every domain now, by a process manager's steps next — and what each command needs
 * hangs off its one handler, here, once: the issue time, the events' metadata (correlation,
 * causation, actor, trace), the target domain's access rule, the idempotency claim and the
 * command metrics. Loading, deciding, appending, retrying and idempotency are the event store's
 * (AggregateStore.handle); the HTTP reply is the caller's (command-reply.ts).
 */
@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<
  ExecuteCommand<{ type: string }, unknown>,
  CommandOutcome
> {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly metrics: CommandMetrics,
  ) {}

  execute<Issued extends { type: string }, State>(
    message: ExecuteCommand<Issued, State>,
  ): Promise<CommandOutcome> {
    const command = message.build({ now: this.clock.now() });
    return this.metrics.count(
      command.type,
      () => message.target.aggregates.handle(message.streamId, command, this.options(message)),
      (outcome) => outcome.replayed,
    );
  }

  private options<Issued extends { type: string }, State>({
    target,
    context,
    result,
  }: ExecuteCommand<Issued, State>): HandleOptions<Issued, State> {
    const { principal } = context;
    return {
      tenantId: principal.tenantId,
      metadata: {
        correlationId: context.correlationId,
        causationId: this.ids.newId(),
        actorId: principal.userId,
        ...(context.traceparent ? { traceparent: context.traceparent } : {}),
      },
      newEventId: () => this.ids.newId(),
      authorize: (state, command) => target.authorize(principal, state, command),
      ...(context.expectedVersion !== undefined
        ? { expectedVersion: context.expectedVersion }
        : {}),
      ...(context.idempotencyKey !== undefined
        ? {
            idempotency: {
              principalId: principal.userId,
              key: context.idempotencyKey,
              requestHash: context.requestHash,
            },
          }
        : {}),
      ...(result !== undefined ? { result } : {}),
    };
  }
}
