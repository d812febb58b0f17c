import { Module } from '@nestjs/common';
import { AccountsViewModule } from '../accounts/accounts-view.module';
import { ViewChangesModule } from '../shared/view-changes.module';
import { TransactionsProjector } from './transactions.projector';
import { transactionsResolvers, transactionsViewProviders } from './transactions.providers';

@Module({
  imports: [ViewChangesModule, AccountsViewModule],
  providers: [...transactionsViewProviders, ...transactionsResolvers],
  exports: [TransactionsProjector],
})
export class TransactionsViewModule {}
