import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { StoredResponse } from '@ledgerline/event-store';
import { commandResponse } from '../../commands/command-response';
import { AccountCommandService } from '../account-command.service';
import { CloseAccountCommand } from './account.commands';

@CommandHandler(CloseAccountCommand)
export class CloseAccountHandler implements ICommandHandler<CloseAccountCommand> {
  constructor(private readonly accounts: AccountCommandService) {}

  execute({ accountId, context }: CloseAccountCommand): Promise<StoredResponse> {
    return this.accounts.execute(
      accountId,
      context,
      (metadata) => ({ type: 'CloseAccount', data: { accountId }, metadata }),
      commandResponse(200),
    );
  }
}
