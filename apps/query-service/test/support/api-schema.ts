import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { AccountsResolver } from '../../src/views/accounts/accounts.resolver';
import { PortfolioResolver } from '../../src/views/portfolio/portfolio.resolver';
import { TransactionsResolver } from '../../src/views/transactions/transactions.resolver';
import { TransfersResolver } from '../../src/views/transfers/transfers.resolver';

/** The schema the service serves, built from the same resolvers without starting anything. */
export async function buildApiSchema(): Promise<GraphQLSchema> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  try {
    return await app
      .get(GraphQLSchemaFactory)
      .create([AccountsResolver, TransactionsResolver, PortfolioResolver, TransfersResolver]);
  } finally {
    await app.close();
  }
}
