import { EXAMPLES } from '../../test/examples';
import { fixtureName, fixtureNames, readFixture } from '../../test/fixtures';
import { encode } from '../codec/encode';
import { decode } from '../codec/decode';
import { EVENT_DEFINITIONS, type LatestEventEnvelope } from '../registry/event-registry';

/**
 * The serialised form of every (type, schema version) is pinned by a checked-in fixture in
 * libs/contracts/fixtures/. A failure here means the wire format changed: recorded events and other
 * services' consumers depend on it, so add a schema version instead of editing a fixture.
 */
const registered = EVENT_DEFINITIONS.flatMap((definition) =>
  definition.versions.map((version) => ({
    name: fixtureName(definition.type, version.schemaVersion),
    latest: version.schemaVersion === definition.latestSchemaVersion,
  })),
);

describe('serialised form', () => {
  it('has exactly one fixture and one typed example per registered (type, schema version)', () => {
    const names = registered.map(({ name }) => name).sort();

    expect(fixtureNames()).toEqual(names);
    expect(Object.keys(EXAMPLES).sort()).toEqual(names);
  });

  describe.each(registered)('$name', ({ name, latest }) => {
    const example = EXAMPLES[name];
    const fixture = readFixture(name);

    it('the typed example serialises to the fixture, field order included', () => {
      expect(JSON.stringify(example)).toBe(JSON.stringify(JSON.parse(fixture)));
    });

    it('the fixture decodes', () => {
      expect(decode(fixture).ok).toBe(true);
    });

    if (latest) {
      it('encode writes the fixture', () => {
        expect(encode(example as LatestEventEnvelope)).toBe(JSON.stringify(JSON.parse(fixture)));
      });
    }
  });
});
