import { checkJsonSchema } from '../../test/check-json-schema';
import { fixtureNames, readFixture } from '../../test/fixtures';
import { decode } from '../codec/decode';
import { isRecord } from '../util/is-record';
import { generateEventJsonSchemas } from './event-json-schemas';

/**
 * The generated schemas must accept and reject what `decode` accepts and rejects at the recorded
 * version, or non-TypeScript consumers would be promised a different contract.
 */
const schemas = new Map(
  generateEventJsonSchemas().map((file) => [`${file.type}.v${file.schemaVersion}`, file.schema]),
);

// Changes to one field of the recorded envelope, each of which decode rejects.
const invalidChanges: readonly [string, string, unknown][] = [
  ['envelope', 'eventId', 'nope'],
  ['envelope', 'schemaVersion', 99],
  ['envelope', 'streamVersion', 0],
  ['envelope', 'position', '01'],
  ['envelope', 'occurredAt', '2024-05-17 14:05:00Z'],
  ['envelope', 'tenantId', ''],
  ['envelope', 'data', []],
  ['data', 'accountId', 'not-a-uuid'],
  ['data', 'unexpected', 'field'],
  ['data', 'amount', '0'],
  ['data', 'balanceAfter', '-0'],
  ['data', 'currency', 'usd'],
  ['data', 'reference', 'r'.repeat(141)],
  ['data', 'ownerId', ''],
  ['data', 'overdraftLimit', '-1'],
];

describe.each(fixtureNames())('%s: schema and decode agree', (name) => {
  const schema = schemas.get(name)!;
  const fixture: Record<string, unknown> = JSON.parse(readFixture(name));

  it('the schema accepts the fixture', () => {
    expect(checkJsonSchema(schema, fixture)).toEqual([]);
  });

  it.each(invalidChanges)(
    'both reject %s.%s = %j where the field exists',
    (scope, field, value) => {
      const data = fixture['data'];
      if (!isRecord(data)) throw new Error('fixture without data');
      const applies = scope === 'envelope' || field === 'unexpected' || Object.hasOwn(data, field);
      if (!applies) return;

      const changed =
        scope === 'envelope'
          ? { ...fixture, [field]: value }
          : { ...fixture, data: { ...data, [field]: value } };

      expect(decode(changed).ok).toBe(false);
      expect(checkJsonSchema(schema, changed)).not.toEqual([]);
    },
  );

  it('both accept an unknown envelope field', () => {
    const changed = {
      ...fixture,
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    };

    expect(decode(changed).ok).toBe(true);
    expect(checkJsonSchema(schema, changed)).toEqual([]);
  });
});
