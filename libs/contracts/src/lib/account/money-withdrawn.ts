import { IsReference } from './reference';
import {
  IsCurrencyCode,
  IsPositiveMinorUnits,
  IsSignedMinorUnits,
  IsUuid,
} from '../wire/wire-decorators';

/**
 * `account.money-withdrawn` data, schema version 1 (latest). Same fields as a deposit today, but a
 * class of its own: the two facts evolve independently.
 */
export class MoneyWithdrawnData {
  @IsUuid()
  accountId!: string;

  @IsPositiveMinorUnits()
  amount!: string;

  @IsCurrencyCode()
  currency!: string;

  @IsReference()
  reference!: string | null;

  /** Balance right after this withdrawal; negative within the overdraft limit. */
  @IsSignedMinorUnits()
  balanceAfter!: string;
}
