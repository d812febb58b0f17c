import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { StoredResponse } from '@ledgerline/event-store';
import { commandResponse } from '../../commands/command-response';
import { AccountCommandService } from '../account-command.service';
import { WithdrawMoneyCommand } from './account.commands';
import { moneyMovement } from './money-movement';

@CommandHandler(WithdrawMoneyCommand)
export class WithdrawMoneyHandler implements ICommandHandler<WithdrawMoneyCommand> {
  constructor(private readonly accounts: AccountCommandService) {}

  execute({ accountId, request, context }: WithdrawMoneyCommand): Promise<StoredResponse> {
    const data = moneyMovement(accountId, request);
    return this.accounts.execute(
      accountId,
      context,
      (metadata) => ({ type: 'WithdrawMoney', data, metadata }),
      commandResponse(201),
    );
  }
}
