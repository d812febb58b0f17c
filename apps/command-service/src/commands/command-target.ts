import type { AggregateStore } from '@ledgerline/event-store';
import type { Principal } from '@ledgerline/platform';

/**
 * What a domain hands the generic command path (execute-command.handler.ts): its aggregate store
 * (the event store's one generic command handler, over the domain's decider and codec) and its
 * access rule. A domain builds it with `commandTargetProvider` and supplies only data and
 * functions of its own; nothing of the path is copied per domain.
 */
export interface CommandTarget<Command, State> {
  readonly aggregates: Pick<AggregateStore<Command, State, unknown>, 'handle'>;
  /** Throws (403) when the principal may not issue the command on this state. */
  readonly authorize: (principal: Principal, state: State, command: Command) => void;
}
