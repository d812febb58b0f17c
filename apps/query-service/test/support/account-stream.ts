import { randomUUID } from 'node:crypto';
import type { LatestEventEnvelope } from '@ledgerline/contracts';

type Envelope<T extends LatestEventEnvelope['type']> = Extract<LatestEventEnvelope, { type: T }>;

export interface AccountStreamOptions {
  accountId?: string;
  tenantId?: string;
  ownerId?: string;
  currency?: string;
  /** occurredAt of the first event; each later one is a minute after the previous. */
  startAt?: string;
}

/**
 * Writes one account's events the way the command side records them: consecutive stream
 * versions, fresh event ids, the balance carried in balanceAfter. Amounts are wire minor units.
 */
export class AccountStream {
  readonly accountId: string;
  readonly tenantId: string;
  readonly ownerId: string;
  readonly currency: string;
  private version = 0;
  private balance = 0n;
  private clock: number;

  constructor(options: AccountStreamOptions = {}) {
    this.accountId = options.accountId ?? randomUUID();
    this.tenantId = options.tenantId ?? 'tenant-acme';
    this.ownerId = options.ownerId ?? 'alice';
    this.currency = options.currency ?? 'EUR';
    this.clock = Date.parse(options.startAt ?? '2024-05-17T09:00:00.000Z');
  }

  get streamVersion(): number {
    return this.version;
  }

  opened(
    limits: { overdraftLimit?: string; dailyWithdrawalLimit?: string } = {},
    at?: string,
  ): Envelope<'account.opened'> {
    return this.next('account.opened', 2, at, {
      accountId: this.accountId,
      ownerId: this.ownerId,
      currency: this.currency,
      overdraftLimit: limits.overdraftLimit ?? '0',
      dailyWithdrawalLimit: limits.dailyWithdrawalLimit ?? '150000',
    });
  }

  deposited(amount: string, at?: string, reference: string | null = null) {
    this.balance += BigInt(amount);
    return this.next('account.money-deposited', 1, at, {
      accountId: this.accountId,
      amount,
      currency: this.currency,
      reference,
      balanceAfter: this.balance.toString(),
    });
  }

  withdrawn(amount: string, at?: string, reference: string | null = null) {
    this.balance -= BigInt(amount);
    return this.next('account.money-withdrawn', 1, at, {
      accountId: this.accountId,
      amount,
      currency: this.currency,
      reference,
      balanceAfter: this.balance.toString(),
    });
  }

  closed(at?: string): Envelope<'account.closed'> {
    return this.next('account.closed', 1, at, { accountId: this.accountId });
  }

  private next<T extends LatestEventEnvelope['type']>(
    type: T,
    schemaVersion: number,
    at: string | undefined,
    data: Envelope<T>['data'],
  ): Envelope<T> {
    this.version += 1;
    const occurredAt = at ?? new Date(this.clock).toISOString();
    this.clock = Date.parse(occurredAt) + 60_000;
    return {
      eventId: randomUUID(),
      type,
      schemaVersion,
      streamId: this.accountId,
      streamType: 'account',
      streamVersion: this.version,
      position: String(this.version),
      tenantId: this.tenantId,
      occurredAt,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      data,
    } as Envelope<T>;
  }
}
