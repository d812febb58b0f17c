import type { Provider } from '@nestjs/common';
import { TransactionsProjector } from './transactions.projector';
import { TransactionsRepository } from './transactions.repository';
import { TransactionsResolver } from './transactions.resolver';

export const transactionsViewProviders: Provider[] = [
  TransactionsRepository,
  TransactionsProjector,
];

export const transactionsResolvers: Provider[] = [TransactionsResolver];
