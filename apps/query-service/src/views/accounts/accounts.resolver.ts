import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { utcDayOf } from '@ledgerline/accounts-domain';
import { Clock } from '@ledgerline/platform';
import { CurrentReader } from '../../graphql/auth/current-reader.decorator';
import { BadUserInput, Forbidden } from '../../graphql/graphql-errors';
import { connectionComplexity } from '../../graphql/limits/complexity';
import { toConnection } from '../../graphql/pagination/connection';
import { pageSize } from '../../graphql/pagination/page-size';
import { mayReadOwner, type ReaderScope } from '../shared/reader-scope';
import { accountCursor, accountPositionOf } from './account.cursor';
import { AccountConnectionModel } from './account-connection.model';
import { AccountModel, AccountStatus } from './account.model';
import { AccountVersionWaiter } from './account-version.waiter';
import { AccountsRepository } from './accounts.repository';

const DEFAULT_ACCOUNTS_PAGE = 20;

@Resolver(() => AccountModel)
export class AccountsResolver {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly waiter: AccountVersionWaiter,
    private readonly clock: Clock,
  ) {}

  @Query(() => AccountModel, {
    name: 'account',
    nullable: true,
    description:
      'Null when the account does not exist or is not yours to see. With minVersion, waits ' +
      '(bounded) until the view has applied that stream version, else fails with ' +
      'CONSISTENCY_TIMEOUT.',
  })
  async account(
    @CurrentReader() scope: ReaderScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('minVersion', { type: () => Int, nullable: true }) minVersion: number | null,
  ): Promise<AccountModel | null> {
    if (minVersion !== null && minVersion !== undefined && minVersion < 0) {
      throw BadUserInput.argument('minVersion', 'must not be negative');
    }
    const doc = minVersion
      ? await this.waiter.atLeast(scope, id, minVersion)
      : await this.accounts.findVisible(scope, id);
    return doc && AccountModel.fromDocument(doc, utcDayOf(this.clock.now()));
  }

  @Query(() => AccountConnectionModel, {
    name: 'accounts',
    description:
      'Accounts in opening order. Customers see their own; ownerId of someone else is FORBIDDEN.',
    complexity: connectionComplexity(DEFAULT_ACCOUNTS_PAGE),
  })
  async list(
    @CurrentReader() scope: ReaderScope,
    @Args('ownerId', { type: () => String, nullable: true }) ownerId: string | null,
    @Args('status', { type: () => AccountStatus, nullable: true }) status: AccountStatus | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_ACCOUNTS_PAGE })
    first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AccountConnectionModel> {
    const size = pageSize(first, DEFAULT_ACCOUNTS_PAGE);
    if (ownerId && !mayReadOwner(scope, ownerId)) throw Forbidden.toReadOwner();
    const position = after ? accountPositionOf(after) : null;
    const docs = await this.accounts.list(scope, { ownerId, status }, size + 1, position);
    const today = utcDayOf(this.clock.now());
    return toConnection(docs, size, (doc) => AccountModel.fromDocument(doc, today), accountCursor);
  }
}
