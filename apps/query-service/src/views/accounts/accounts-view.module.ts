import { Module } from '@nestjs/common';
import { Clock } from '@ledgerline/platform';
import { ViewChangesModule } from '../shared/view-changes.module';
import { accountsResolvers, accountsViewProviders } from './accounts.providers';
import { AccountsProjector } from './accounts.projector';
import { AccountsRepository } from './accounts.repository';

@Module({
  imports: [ViewChangesModule],
  providers: [...accountsViewProviders, ...accountsResolvers],
  exports: [AccountsRepository, AccountsProjector, Clock],
})
export class AccountsViewModule {}
