import type { Provider } from '@nestjs/common';
import { Clock, SystemClock } from '@ledgerline/platform';
import { AccountVersionWaiter } from './account-version.waiter';
import { AccountsProjector } from './accounts.projector';
import { AccountsRepository } from './accounts.repository';
import { AccountsResolver } from './accounts.resolver';

export const accountsViewProviders: Provider[] = [
  AccountsRepository,
  AccountsProjector,
  AccountVersionWaiter,
  { provide: Clock, useClass: SystemClock },
];

export const accountsResolvers: Provider[] = [AccountsResolver];
