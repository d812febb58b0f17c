import { Command } from '@nestjs/cqrs';
import type { StoredResponse } from '@ledgerline/event-store';
import type { CommandContext } from '../../commands/command-context';
import type { CloseAccountRequest } from '../dto/close-account.request';
import type { MoneyMovementRequest } from '../dto/money-movement.request';
import type { OpenAccountRequest } from '../dto/open-account.request';

// CQRS messages of the accounts slice: HTTP input plus context, answered with the stored response.

export class OpenAccountCommand extends Command<StoredResponse> {
  constructor(
    readonly accountId: string,
    readonly request: OpenAccountRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class DepositMoneyCommand extends Command<StoredResponse> {
  constructor(
    readonly accountId: string,
    readonly request: MoneyMovementRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class WithdrawMoneyCommand extends Command<StoredResponse> {
  constructor(
    readonly accountId: string,
    readonly request: MoneyMovementRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class CloseAccountCommand extends Command<StoredResponse> {
  constructor(
    readonly accountId: string,
    readonly request: CloseAccountRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
