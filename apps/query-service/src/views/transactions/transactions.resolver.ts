import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentReader } from '../../graphql/auth/current-reader.decorator';
import { BadUserInput, NotFound } from '../../graphql/graphql-errors';
import { connectionComplexity } from '../../graphql/limits/complexity';
import { toConnection } from '../../graphql/pagination/connection';
import { pageSize } from '../../graphql/pagination/page-size';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { AccountsRepository } from '../accounts/accounts.repository';
import { toMoneyString } from '../shared/minor-units';
import type { ReaderScope } from '../shared/reader-scope';
import { transactionCursor, transactionPositionOf } from './transaction.cursor';
import { TransactionConnectionModel } from './transaction-connection.model';
import { TransactionModel } from './transaction.model';
import { TransactionsRepository } from './transactions.repository';

const DEFAULT_TRANSACTIONS_PAGE = 50;

/**
 * History reads check the account in the accounts view first: that is where tenant and owner live,
 * so an account the reader may not see is NOT_FOUND exactly like one that does not exist.
 */
@Resolver(() => TransactionModel)
export class TransactionsResolver {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly transactions: TransactionsRepository,
  ) {}

  @Query(() => TransactionConnectionModel, {
    name: 'transactions',
    description:
      'Movements oldest first; from is inclusive, to exclusive. NOT_FOUND for an unknown account.',
    complexity: connectionComplexity(DEFAULT_TRANSACTIONS_PAGE),
  })
  async list(
    @CurrentReader() scope: ReaderScope,
    @Args('accountId', { type: () => ID }) accountId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_TRANSACTIONS_PAGE })
    first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('from', { type: () => DateTimeScalar, nullable: true }) from: Date | null,
    @Args('to', { type: () => DateTimeScalar, nullable: true }) to: Date | null,
  ): Promise<TransactionConnectionModel> {
    const size = pageSize(first, DEFAULT_TRANSACTIONS_PAGE);
    if (from && to && to <= from) throw BadUserInput.argument('to', 'must be later than from');
    const position = after ? transactionPositionOf(after) : null;
    await this.visibleAccount(scope, accountId);
    const docs = await this.transactions.list(
      scope.tenantId,
      accountId,
      { from, to },
      size + 1,
      position,
    );
    return toConnection(docs, size, TransactionModel.fromDocument, transactionCursor);
  }

  @Query(() => String, {
    name: 'balanceAt',
    description:
      'The balance right after the last movement at or before `at` ("0.00" before the first); ' +
      'NOT_FOUND for an unknown account.',
  })
  async balanceAt(
    @CurrentReader() scope: ReaderScope,
    @Args('accountId', { type: () => ID }) accountId: string,
    @Args('at', { type: () => DateTimeScalar }) at: Date,
  ): Promise<string> {
    await this.visibleAccount(scope, accountId);
    const last = await this.transactions.lastAtOrBefore(scope.tenantId, accountId, at);
    return toMoneyString(last?.balanceAfter ?? '0');
  }

  private async visibleAccount(scope: ReaderScope, accountId: string): Promise<void> {
    if (!(await this.accounts.findVisible(scope, accountId))) throw NotFound.account(accountId);
  }
}
