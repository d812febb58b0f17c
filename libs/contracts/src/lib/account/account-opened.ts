import { IsOwnerId } from './owner-id';
import { IsCurrencyCode, IsNonNegativeMinorUnits, IsUuid } from '../wire/wire-decorators';

/**
 * `account.opened` data, schema version 2 (latest). v2 added `dailyWithdrawalLimit`; v1 events are
 * upcast with the historical limit (see v1/account-opened.v1-to-v2.ts).
 */
export class AccountOpenedData {
  @IsUuid()
  accountId!: string;

  /** The customer who owns the account (JWT `sub`). */
  @IsOwnerId()
  ownerId!: string;

  /** The one currency the account holds. */
  @IsCurrencyCode()
  currency!: string;

  /** How far below zero the balance may go, in minor units; "0" means no overdraft. */
  @IsNonNegativeMinorUnits()
  overdraftLimit!: string;

  /** Most that may be withdrawn per UTC day, transfer debits included, in minor units. */
  @IsNonNegativeMinorUnits()
  dailyWithdrawalLimit!: string;
}
