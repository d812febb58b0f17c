import type {
  CloseAccount,
  CommandMetadata,
  DepositMoney,
  OpenAccount,
  WithdrawMoney,
} from '@ledgerline/accounts-domain';
import { parseMoney } from '@ledgerline/money';
import type { MoneyMovementRequest } from './dto/money-movement.request';
import type { OpenAccountRequest } from './dto/open-account.request';

// The accounts' domain commands, built from the validated request bodies; the issue time comes
// from the command path's clock (execute-command.handler.ts).

const DEFAULT_OVERDRAFT_LIMIT = '0.00';
const DEFAULT_DAILY_WITHDRAWAL_LIMIT = '1500.00';

export const openAccount =
  (accountId: string, request: OpenAccountRequest) =>
  (metadata: CommandMetadata): OpenAccount => ({
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
  });

export const depositMoney =
  (accountId: string, request: MoneyMovementRequest) =>
  (metadata: CommandMetadata): DepositMoney => ({
    type: 'DepositMoney',
    data: moneyMovement(accountId, request),
    metadata,
  });

export const withdrawMoney =
  (accountId: string, request: MoneyMovementRequest) =>
  (metadata: CommandMetadata): WithdrawMoney => ({
    type: 'WithdrawMoney',
    data: moneyMovement(accountId, request),
    metadata,
  });

export const closeAccount =
  (accountId: string) =>
  (metadata: CommandMetadata): CloseAccount => ({
    type: 'CloseAccount',
    data: { accountId },
    metadata,
  });

/** The data deposits and withdrawals share. */
function moneyMovement(accountId: string, request: MoneyMovementRequest): DepositMoney['data'] {
  return {
    accountId,
    amount: parseMoney(request.amount),
    ...(request.currency !== undefined ? { currency: request.currency } : {}),
    ...(request.reference !== undefined ? { reference: request.reference } : {}),
  };
}
