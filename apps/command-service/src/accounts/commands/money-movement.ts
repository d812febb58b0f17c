import type { MinorUnits } from '@ledgerline/money';
import { parseMoney } from '@ledgerline/money';
import type { MoneyMovementRequest } from '../dto/money-movement.request';

/** The data deposits and withdrawals share, from the validated request body. */
export function moneyMovement(
  accountId: string,
  request: MoneyMovementRequest,
): { accountId: string; amount: MinorUnits; currency?: string; reference?: string } {
  return {
    accountId,
    amount: parseMoney(request.amount),
    ...(request.currency !== undefined ? { currency: request.currency } : {}),
    ...(request.reference !== undefined ? { reference: request.reference } : {}),
  };
}
