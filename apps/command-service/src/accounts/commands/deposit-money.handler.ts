import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { StoredResponse } from '@ledgerline/event-store';
import { commandResponse } from '../../commands/command-response';
import { AccountCommandService } from '../account-command.service';
import { DepositMoneyCommand } from './account.commands';
import { moneyMovement } from './money-movement';

@CommandHandler(DepositMoneyCommand)
export class DepositMoneyHandler implements ICommandHandler<DepositMoneyCommand> {
  constructor(private readonly accounts: AccountCommandService) {}

  execute({ accountId, request, context }: DepositMoneyCommand): Promise<StoredResponse> {
    const data = moneyMovement(accountId, request);
    return this.accounts.execute(
      accountId,
      context,
      (metadata) => ({ type: 'DepositMoney', data, metadata }),
      commandResponse(201),
    );
  }
}
