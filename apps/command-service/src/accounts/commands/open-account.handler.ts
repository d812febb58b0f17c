import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { StoredResponse } from '@ledgerline/event-store';
import { parseMoney } from '@ledgerline/money';
import { commandResponse } from '../../commands/command-response';
import { assertMayActFor } from '../account-access';
import { AccountCommandService } from '../account-command.service';
import { OpenAccountCommand } from './account.commands';

const DEFAULT_OVERDRAFT_LIMIT = '0.00';
const DEFAULT_DAILY_WITHDRAWAL_LIMIT = '1500.00';

@CommandHandler(OpenAccountCommand)
export class OpenAccountHandler implements ICommandHandler<OpenAccountCommand> {
  constructor(private readonly accounts: AccountCommandService) {}

  execute({ accountId, request, context }: OpenAccountCommand): Promise<StoredResponse> {
    assertMayActFor(context.principal, request.ownerId);
    return this.accounts.execute(
      accountId,
      context,
      (metadata) => ({
        type: 'OpenAccount',
        data: {
          accountId,
          ownerId: request.ownerId,
          currency: request.currency,
          overdraftLimit: parseMoney(request.overdraftLimit ?? DEFAULT_OVERDRAFT_LIMIT),
          dailyWithdrawalLimit: parseMoney(
            request.dailyWithdrawalLimit ?? DEFAULT_DAILY_WITHDRAWAL_LIMIT,
          ),
        },
        metadata,
      }),
      commandResponse(201, {}, () => ({ location: `/accounts/${accountId}` })),
    );
  }
}
