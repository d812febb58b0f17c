import { AccountsProjector } from './accounts/accounts.projector';
import { PROJECTOR_ORDER } from './views.module';

describe('the order in which a batch reaches the views', () => {
  it('writes the accounts view last, so account(minVersion) implies the other views caught up', () => {
    expect(PROJECTOR_ORDER.at(-1)).toBe(AccountsProjector);
    expect(new Set(PROJECTOR_ORDER).size).toBe(PROJECTOR_ORDER.length);
  });
});
