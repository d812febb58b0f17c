import * as wireNames from '../account/account-event-types';
import { AccountClosedData } from '../account/account-closed';
import { AccountOpenedData } from '../account/account-opened';
import { AccountOpenedV1Data } from '../account/v1/account-opened.v1';
import { classProperties } from '../codec/class-properties';
import { defineEvent } from './event-definition';
import {
  dataClassFor,
  EVENT_DEFINITIONS,
  findEventDefinition,
  isEventType,
  latestSchemaVersion,
  type EventType,
} from './event-registry';

describe('event registry', () => {
  describe('completeness', () => {
    it.each(EVENT_DEFINITIONS.map((definition) => [definition.type, definition] as const))(
      '%s has versions 1..latest, an upcaster below the latest and none on it',
      (_type, definition) => {
        const latest = definition.latestSchemaVersion;

        expect(latest).toBeGreaterThanOrEqual(1);
        expect(definition.versions.map((version) => version.schemaVersion)).toEqual(
          Array.from({ length: latest }, (_, index) => index + 1),
        );
        for (const version of definition.versions.slice(0, -1)) {
          expect(typeof version.upcastToNext).toBe('function');
        }
        expect(definition.version(latest)?.upcastToNext).toBeUndefined();
        expect(definition.latestDataClass).toBe(definition.version(latest)?.dataClass);
      },
    );

    it('registers every wire name constant exactly once', () => {
      const registered = EVENT_DEFINITIONS.map((definition) => definition.type);

      expect(new Set(registered).size).toBe(registered.length);
      expect([...registered].sort()).toEqual(Object.values(wireNames).sort());
    });

    it('gives every class at least one validated property, so whitelisting can work', () => {
      for (const definition of EVENT_DEFINITIONS) {
        for (const version of definition.versions) {
          expect(classProperties(version.dataClass).length).toBeGreaterThan(0);
        }
      }
    });

    it('knows the latest schema version of each type', () => {
      const latest: Record<EventType, number> = {
        'account.opened': 2,
        'account.money-deposited': 1,
        'account.money-withdrawn': 1,
        'account.closed': 1,
      };

      for (const [type, version] of Object.entries(latest)) {
        expect(isEventType(type) && latestSchemaVersion(type)).toBe(version);
      }
    });
  });

  describe('lookup', () => {
    it('maps (type, schema version) to its class', () => {
      expect(dataClassFor('account.opened', 1)).toBe(AccountOpenedV1Data);
      expect(dataClassFor('account.opened', 2)).toBe(AccountOpenedData);
      expect(dataClassFor('account.closed', 1)).toBe(AccountClosedData);
    });

    it.each([
      ['account.opened', 3],
      ['account.opened', 0],
      ['account.opened', 1.5],
      ['account.opened', -1],
      ['transfer.requested', 1],
    ])('finds nothing for %s v%s', (type, version) => {
      expect(dataClassFor(type, version)).toBeUndefined();
    });

    it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])(
      'finds nothing for the Object.prototype name %j',
      (type) => {
        expect(findEventDefinition(type)).toBeUndefined();
        expect(isEventType(type)).toBe(false);
      },
    );

    it('refuses an unknown type from an untyped caller instead of inventing a version', () => {
      expect(() => latestSchemaVersion('account.renamed' as EventType)).toThrow(
        'unknown event type "account.renamed"',
      );
    });
  });

  describe('definitions', () => {
    it('refuse a schema version that does not follow the previous one', () => {
      const v1 = defineEvent('test.happened', AccountClosedData);

      expect(() => v1.evolvedTo(3, AccountClosedData, (data) => data)).toThrow(
        'test.happened: schema version 3 must follow 1',
      );
    });

    it('chain upcasters in order', () => {
      const definition = defineEvent('test.happened', AccountClosedData)
        .evolvedTo(2, AccountClosedData, (data) => ({ accountId: `${data.accountId}-2` }))
        .evolvedTo(3, AccountClosedData, (data) => ({ accountId: `${data.accountId}-3` }));

      const upcast = definition.versions.reduce<object>(
        (data, version) => version.upcastToNext?.(data) ?? data,
        { accountId: 'a' },
      );

      expect(definition.latestSchemaVersion).toBe(3);
      expect(upcast).toEqual({ accountId: 'a-2-3' });
    });
  });
});
