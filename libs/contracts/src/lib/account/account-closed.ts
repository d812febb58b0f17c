import { IsUuid } from '../wire/wire-decorators';

/** `account.closed` data, schema version 1 (latest). Closing requires a zero balance. */
export class AccountClosedData {
  @IsUuid()
  accountId!: string;
}
