import { Injectable } from '@nestjs/common';
import { ACCOUNT_STREAM_TYPE } from '@ledgerline/accounts-domain';
import type { EventEnvelope } from '@ledgerline/contracts';
import { NotFoundError } from '@ledgerline/domain-kernel';
import { PostgresEventStore, toEnvelope } from '@ledgerline/event-store';
import type { Principal } from '@ledgerline/platform';

/** The auditor's feed: an account's events as recorded, within the caller's tenant only. */
@Injectable()
export class AccountEventsReader {
  constructor(private readonly store: PostgresEventStore) {}

  async read(
    principal: Principal,
    accountId: string,
    fromVersion = 1,
    limit = 100,
  ): Promise<EventEnvelope[]> {
    const info = await this.store.streamInfo(accountId);
    if (!info || info.tenantId !== principal.tenantId || info.streamType !== ACCOUNT_STREAM_TYPE) {
      throw new NotFoundError(ACCOUNT_STREAM_TYPE, accountId);
    }
    const events = await this.store.readStream(accountId, { fromVersion, limit });
    return events.map(toEnvelope);
  }
}
