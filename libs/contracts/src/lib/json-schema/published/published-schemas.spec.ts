import { auditPublishedSchemas, type PublishedSchemaProblemKind } from './published-schema-audit';
import { readPublishedSchemas } from './published-schemas-directory';
import { generateEventJsonSchemas } from '../event-json-schemas';

/**
 * The gate on published event schemas: libs/contracts/schemas/ is written only by the explicit
 * publish step (`npm run contracts:publish`), never by a test, so these compare the code with
 * what was published rather than with a fresh generation of itself.
 */
describe('published event schemas (libs/contracts/schemas/)', () => {
  const problems = auditPublishedSchemas(generateEventJsonSchemas(), readPublishedSchemas());

  function expectNone(...kinds: PublishedSchemaProblemKind[]): void {
    const found = problems.filter((problem) => kinds.includes(problem.kind));
    if (found.length > 0) {
      throw new Error(found.map((problem) => problem.message).join('\n'));
    }
  }

  it('include every (type, schema version) the event registry defines', () => {
    expectNone('unpublished');
  });

  it("equal the code's schema of their (type, version), byte for byte in canonical JSON", () => {
    expectNone('changed', 'edited');
  });

  it('are all still defined by the code', () => {
    expectNone('withdrawn');
  });

  it('are exactly the files the catalogue lists', () => {
    expectNone('catalogue', 'unlisted');
  });

  it('leave nothing else to report', () => {
    expect(problems).toEqual([]);
  });
});
