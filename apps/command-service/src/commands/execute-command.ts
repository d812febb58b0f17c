import { Command } from '@nestjs/cqrs';
import type { CommandOutcome, CommandResult } from '@ledgerline/event-store';
import type { CommandContext } from './command-context';
import type { CommandTarget } from './command-target';

/** The instant a command is issued at, from the injected clock: deciders never read a clock. */
export interface IssuedAt {
  now: Date;
}

/**
 * The one message of the CommandBus: a domain command for one stream of `target`, with who sent
 * it and how (`context`). `build` receives the issue time; `result` is what the domain adds to
 * the outcome (recorded with the idempotency key).
 */
export class ExecuteCommand<
  Issued extends { type: string },
  State,
> extends Command<CommandOutcome> {
  constructor(
    readonly target: CommandTarget<Issued, State>,
    readonly streamId: string,
    readonly context: CommandContext,
    readonly build: (issued: IssuedAt) => Issued,
    readonly result?: CommandResult,
  ) {
    super();
  }
}
