import { Module } from '@nestjs/common';
import { AccountsViewModule } from '../accounts/accounts-view.module';
import { ViewChangesModule } from '../shared/view-changes.module';
import { PortfolioProjector } from './portfolio.projector';
import { portfolioResolvers, portfolioViewProviders } from './portfolio.providers';

@Module({
  imports: [ViewChangesModule, AccountsViewModule],
  providers: [...portfolioViewProviders, ...portfolioResolvers],
  exports: [PortfolioProjector],
})
export class PortfolioViewModule {}
