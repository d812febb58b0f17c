import type { Decider } from '@ledgerline/domain-kernel';
import type { AccountCommand } from './commands';
import { decide } from './decide';
import type { AccountEvent } from './events';
import { evolve } from './evolve';
import { type AccountState, initialAccountState } from './state';

export const accountDecider: Decider<AccountCommand, AccountState, AccountEvent> = {
  decide,
  evolve,
  initialState: initialAccountState,
};
