import { LimitField } from '../../common/money-field';
import { CurrencyField, OwnerIdField } from '../../common/text-fields';
import { OptionalUuidField } from '../../common/uuid';

export class OpenAccountRequest {
  @OptionalUuidField('Chosen by the client for safe retries; generated when absent.')
  accountId?: string;

  @OwnerIdField()
  ownerId!: string;

  @CurrencyField()
  currency!: string;

  @LimitField({ fallback: '0.00', description: 'How far below zero the balance may go;' })
  overdraftLimit?: string;

  @LimitField({
    fallback: '1500.00',
    description: 'Most that may be withdrawn per UTC day;',
  })
  dailyWithdrawalLimit?: string;
}
