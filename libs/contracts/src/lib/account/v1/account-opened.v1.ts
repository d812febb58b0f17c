import { IsOwnerId } from '../owner-id';
import { IsCurrencyCode, IsNonNegativeMinorUnits, IsUuid } from '../../wire/wire-decorators';

/**
 * `account.opened` data, schema version 1: written before accounts had their own daily withdrawal
 * limit. Frozen: recorded v1 events must keep decoding, so this class never changes, and it does not
 * share fields with the latest shape (a change there must not leak back into history).
 */
export class AccountOpenedV1Data {
  @IsUuid()
  accountId!: string;

  @IsOwnerId()
  ownerId!: string;

  @IsCurrencyCode()
  currency!: string;

  @IsNonNegativeMinorUnits()
  overdraftLimit!: string;
}
