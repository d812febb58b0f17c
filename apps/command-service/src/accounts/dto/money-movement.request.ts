import { AmountField } from '../../common/money-field';
import { CurrencyField, ReferenceField } from '../../common/text-fields';

/** Body of a deposit or a withdrawal. */
export class MoneyMovementRequest {
  @AmountField()
  amount!: string;

  @ReferenceField()
  reference?: string;

  @CurrencyField({ optional: "When given, must be the account's currency (else 422)." })
  currency?: string;
}
