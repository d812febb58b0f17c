import { IsReference } from './reference';
import {
  IsCurrencyCode,
  IsPositiveMinorUnits,
  IsSignedMinorUnits,
  IsUuid,
} from '../wire/wire-decorators';

/** `account.money-deposited` data, schema version 1 (latest). */
export class MoneyDepositedData {
  @IsUuid()
  accountId!: string;

  @IsPositiveMinorUnits()
  amount!: string;

  /** Repeated from `account.opened` so a consumer can check it without loading the account. */
  @IsCurrencyCode()
  currency!: string;

  @IsReference()
  reference!: string | null;

  /** Balance right after this deposit; negative while the account is still overdrawn. */
  @IsSignedMinorUnits()
  balanceAfter!: string;
}
