import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { QueryServiceEnvironment } from '../../config/query-service.environment';
import { ConsistencyTimeout } from '../../graphql/graphql-errors';
import type { ReaderScope } from '../shared/reader-scope';
import { ViewChanges } from '../shared/view-changes';
import type { AccountDocument } from './account.document';
import { AccountsRepository } from './accounts.repository';

/** Re-read at least this often: another replica may own the partition and write the view. */
const POLL_INTERVAL_MS = 20;

/**
 * Read-your-own-write across services: a client that got version N from the command side asks for
 * `minVersion: N`; this waits, bounded, until the view has caught up. It wakes early when this
 * replica's projector writes the account, and polls MongoDB for writes by other replicas.
 */
@Injectable()
export class AccountVersionWaiter {
  private readonly timeoutMs: number;

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly changes: ViewChanges,
    config: ConfigService<QueryServiceEnvironment, true>,
  ) {
    this.timeoutMs = config.get('CONSISTENCY_TIMEOUT_MS', { infer: true });
  }

  /**
   * The visible account once its view version is ≥ `minVersion`. An invisible account (another
   * tenant's, another customer's) counts as missing, so it times out like one that does not exist.
   */
  async atLeast(scope: ReaderScope, id: string, minVersion: number): Promise<AccountDocument> {
    const started = performance.now();
    for (;;) {
      const doc = await this.accounts.findVisible(scope, id);
      if (doc !== null && doc.version >= minVersion) return doc;
      const remaining = this.timeoutMs - (performance.now() - started);
      if (remaining <= 0) {
        throw ConsistencyTimeout.forAccount(id, doc?.version ?? 0, minVersion, this.timeoutMs);
      }
      await this.changes.nextChange('accounts', id, Math.min(POLL_INTERVAL_MS, remaining));
    }
  }
}
