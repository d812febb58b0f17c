import type { Provider } from '@nestjs/common';
import { PortfolioProjector } from './portfolio.projector';
import { PortfolioResolver } from './portfolio.resolver';
import { PortfolioEntriesRepository } from './portfolio-entries.repository';

export const portfolioViewProviders: Provider[] = [PortfolioEntriesRepository, PortfolioProjector];

export const portfolioResolvers: Provider[] = [PortfolioResolver];
