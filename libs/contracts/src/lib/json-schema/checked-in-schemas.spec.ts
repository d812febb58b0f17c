import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  generateEventJsonSchemas,
  SCHEMA_GENERATOR_COMMAND,
  serializeJsonSchema,
} from './event-json-schemas';

/**
 * The JSON Schemas in libs/contracts/schemas/ are generated from the event classes and checked in
 * for teams that do not use TypeScript. This fails as soon as they drift from the code.
 */
const SCHEMAS_DIR = path.resolve(__dirname, '../../../schemas');

describe('checked-in JSON Schemas', () => {
  it('match a fresh generation from the code, byte for byte', () => {
    const expected = new Map(
      generateEventJsonSchemas().map((file) => [file.fileName, serializeJsonSchema(file.schema)]),
    );
    const checkedIn = readdirSync(SCHEMAS_DIR).filter((name) => name.endsWith('.schema.json'));

    const problems = [
      ...[...expected.keys()]
        .filter((name) => !checkedIn.includes(name))
        .map((name) => `missing: ${name}`),
      ...checkedIn.filter((name) => !expected.has(name)).map((name) => `stale: ${name}`),
      ...checkedIn
        .filter((name) => {
          const generated = expected.get(name);
          return generated !== undefined && generated !== read(name);
        })
        .map((name) => `out of date: ${name}`),
    ];

    if (problems.length > 0) {
      throw new Error(
        `libs/contracts/schemas/ has drifted from the event classes:\n  ${problems.join('\n  ')}\n` +
          `Regenerate from the workspace root with:\n  ${SCHEMA_GENERATOR_COMMAND}\n` +
          'then review and commit the changed files.',
      );
    }
  });
});

function read(name: string): string {
  return readFileSync(path.join(SCHEMAS_DIR, name), 'utf8');
}
