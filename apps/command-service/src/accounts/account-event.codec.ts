import {
  ACCOUNT_STATE_SCHEMA_VERSION,
  ACCOUNT_STREAM_TYPE,
  deserializeAccountState,
  serializeAccountState,
  type AccountEvent,
  type AccountState,
} from '@ledgerline/accounts-domain';
import {
  latestSchemaVersion,
  upcastTrusted,
  validateEventData,
  type AccountEventData,
  type EventType,
  type LatestEventDataMap,
} from '@ledgerline/contracts';
import type { AggregateCodec, StoredEvent } from '@ledgerline/event-store';
import { minorUnits } from '@ledgerline/money';

/** Domain events hold bigints; the wire holds minor units as decimal strings (contracts). */
function toWire(event: AccountEvent): AccountEventData {
  switch (event.type) {
    case 'account.opened':
      return {
        type: event.type,
        data: {
          ...event.data,
          overdraftLimit: event.data.overdraftLimit.toString(),
          dailyWithdrawalLimit: event.data.dailyWithdrawalLimit.toString(),
        },
      };
    case 'account.money-deposited':
    case 'account.money-withdrawn':
      return {
        type: event.type,
        data: {
          ...event.data,
          amount: event.data.amount.toString(),
          balanceAfter: event.data.balanceAfter.toString(),
        },
      } as AccountEventData;
    case 'account.closed':
      return { type: event.type, data: { ...event.data } };
  }
}

function fromWire(wire: AccountEventData, occurredAt: string): AccountEvent {
  switch (wire.type) {
    case 'account.opened':
      return {
        type: wire.type,
        occurredAt,
        data: {
          ...wire.data,
          overdraftLimit: minorUnits(BigInt(wire.data.overdraftLimit)),
          dailyWithdrawalLimit: minorUnits(BigInt(wire.data.dailyWithdrawalLimit)),
        },
      };
    case 'account.money-deposited':
    case 'account.money-withdrawn':
      return {
        type: wire.type,
        occurredAt,
        data: {
          ...wire.data,
          amount: minorUnits(BigInt(wire.data.amount)),
          balanceAfter: minorUnits(BigInt(wire.data.balanceAfter)),
        },
      } as AccountEvent;
    case 'account.closed':
      return { type: wire.type, occurredAt, data: { ...wire.data } };
  }
}

/**
 * Every event is validated against its contract before it is appended (`encode`), so replaying
 * the store only upcasts (`upcastTrusted`): re-validating each replayed event cost ~40% of the
 * service's CPU per command. The decider still only ever sees the latest shape. A stored event of
 * an unknown type or newer version is corrupt history: the command fails loudly rather than
 * deciding on a wrong state.
 */
export const accountCodec: AggregateCodec<AccountState, AccountEvent> = {
  streamType: ACCOUNT_STREAM_TYPE,
  stateSchemaVersion: ACCOUNT_STATE_SCHEMA_VERSION,

  encode(event) {
    const wire = toWire(event);
    // Nothing off-contract is ever appended: a consumer must be able to decode every stored event.
    const validation = validateEventData(
      wire.type as EventType,
      wire.data as LatestEventDataMap[EventType],
    );
    if (!validation.ok) {
      throw new Error(`refusing to append an invalid ${wire.type}: ${validation.error.message}`);
    }
    return {
      type: wire.type,
      schemaVersion: latestSchemaVersion(wire.type),
      data: wire.data as unknown as Record<string, unknown>,
      occurredAt: event.occurredAt,
    };
  },

  decode(stored: StoredEvent) {
    let data: Record<string, unknown>;
    try {
      data = upcastTrusted(stored.type, stored.schemaVersion, stored.data);
    } catch (error) {
      throw new Error(`stored event ${stored.eventId} cannot be replayed: ${String(error)}`);
    }
    return fromWire({ type: stored.type, data } as unknown as AccountEventData, stored.occurredAt);
  },

  serializeState: (state) => serializeAccountState(state),
  deserializeState: (json) => deserializeAccountState(json),
};
