import { canonicalJson } from './canonical-json';
import { sha256Hex, type PublishedSchemaEntry } from './published-catalogue';
import { auditPublishedSchemas, type PublishedSchemas } from './published-schema-audit';
import { readPublishedSchemas } from './published-schemas-directory';
import { generateEventJsonSchemas, type EventJsonSchemaFile } from '../event-json-schemas';
import type { JsonSchema } from '../json-schema';

/**
 * Proves the gate bites: the checked-in publication against the code's schemas, changed in
 * memory the ways a careless edit of an event class would change them.
 */
const published = readPublishedSchemas();

function codeWith(
  type: string,
  schemaVersion: number,
  change: (schema: JsonSchema) => void,
): EventJsonSchemaFile[] {
  return generateEventJsonSchemas().map((file) => {
    if (file.type !== type || file.schemaVersion !== schemaVersion) return file;
    const schema = structuredClone(file.schema) as JsonSchema;
    change(schema);
    return { ...file, schema };
  });
}

function dataOf(schema: JsonSchema): JsonSchema {
  const data = schema.properties?.['data'];
  if (data === undefined) throw new Error('schema without data');
  return data;
}

function withFile(
  file: string,
  text: string,
  entry?: Partial<PublishedSchemaEntry>,
): PublishedSchemas {
  return {
    catalogue: {
      schemas: published.catalogue.schemas.map((listed) =>
        listed.file === file ? { ...listed, ...entry } : listed,
      ),
    },
    files: new Map([...published.files, [file, text]]),
  };
}

describe('the published-schema gate', () => {
  it('passes the code as it is (the baseline the cases below change)', () => {
    expect(auditPublishedSchemas(generateEventJsonSchemas(), published)).toEqual([]);
  });

  it('fails on a changed maxLength, naming the keyword and the next version to add', () => {
    const code = codeWith('account.money-deposited', 1, (schema) => {
      dataOf(schema).properties!['reference']!.maxLength = 141;
    });

    const problems = auditPublishedSchemas(code, published);

    expect(problems).toEqual([
      {
        kind: 'changed',
        message: expect.stringContaining(
          '/properties/data/properties/reference/maxLength: 140 → 141',
        ),
      },
    ]);
    expect(problems[0]!.message).toContain('schema version 2 with an upcaster');
  });

  it('fails on an added required field', () => {
    const code = codeWith('account.closed', 1, (schema) => {
      const data = dataOf(schema);
      data.properties = { ...data.properties, reason: { type: 'string' } };
      data.required = [...(data.required ?? []), 'reason'];
    });

    const [problem, ...others] = auditPublishedSchemas(code, published);

    expect(others).toEqual([]);
    expect(problem?.kind).toBe('changed');
    expect(problem?.message).toContain(
      '/properties/data/properties/reason: (absent) → {"type":"string"}',
    );
    expect(problem?.message).toContain('/properties/data/required/1: (absent) → "reason"');
  });

  it('fails on a loosened pattern and on a changed description alike', () => {
    const loosened = codeWith('account.opened', 2, (schema) => {
      dataOf(schema).properties!['currency']!.pattern = '^[A-Za-z]{3}$';
    });
    const reworded = codeWith('account.opened', 1, (schema) => {
      schema.description = 'Something else.';
    });

    expect(auditPublishedSchemas(loosened, published).map((p) => p.kind)).toEqual(['changed']);
    expect(auditPublishedSchemas(reworded, published).map((p) => p.kind)).toEqual(['changed']);
  });

  it('fails on a version nobody published, with the command that publishes it', () => {
    const current = generateEventJsonSchemas();
    const closed = current.find((file) => file.type === 'account.closed')!;
    const code = [
      ...current,
      { ...closed, schemaVersion: 2, fileName: 'account.closed.v2.schema.json' },
    ];

    expect(auditPublishedSchemas(code, published)).toEqual([
      {
        kind: 'unpublished',
        message: expect.stringContaining(
          'account.closed v2 is defined by the code but not published',
        ),
      },
    ]);
    expect(auditPublishedSchemas(code, published)[0]!.message).toContain(
      '`npm run contracts:publish`',
    );
  });

  it('fails on a published version the code no longer defines', () => {
    const code = generateEventJsonSchemas().filter(
      (file) => !(file.type === 'account.opened' && file.schemaVersion === 1),
    );

    expect(auditPublishedSchemas(code, published)).toEqual([
      { kind: 'withdrawn', message: expect.stringContaining('account.opened v1 is published') },
    ]);
  });

  describe('catches edits of the published files themselves', () => {
    const file = 'account.money-withdrawn.v1.schema.json';
    const original = published.files.get(file)!;
    const edited = original.replace('"maxLength": 140', '"maxLength": 200');

    it('an edit that keeps the catalogue hash', () => {
      expect(edited).not.toBe(original);
      const kinds = auditPublishedSchemas(generateEventJsonSchemas(), withFile(file, edited)).map(
        (problem) => problem.kind,
      );

      expect(kinds).toEqual(['edited', 'changed']);
    });

    it('an edit with a matching hash (the code still disagrees)', () => {
      const problems = auditPublishedSchemas(
        generateEventJsonSchemas(),
        withFile(file, edited, { sha256: sha256Hex(edited) }),
      );

      expect(problems.map((problem) => problem.kind)).toEqual(['changed']);
    });

    it('a reformatting that keeps the value but not the canonical spelling', () => {
      const reformatted = JSON.stringify(JSON.parse(original));
      const problems = auditPublishedSchemas(
        generateEventJsonSchemas(),
        withFile(file, reformatted, { sha256: sha256Hex(reformatted) }),
      );

      expect(problems).toEqual([
        { kind: 'changed', message: expect.stringContaining('not canonical JSON') },
      ]);
    });

    it('a file the catalogue does not list, and a listed file that is missing', () => {
      const extra = canonicalJson({ title: 'hand-written' });
      const unlisted = {
        ...published,
        files: new Map([...published.files, ['account.closed.v9.schema.json', extra]]),
      };
      const missing = {
        ...published,
        files: new Map([...published.files].filter(([name]) => name !== file)),
      };

      expect(
        auditPublishedSchemas(generateEventJsonSchemas(), unlisted).map((p) => p.kind),
      ).toEqual(['unlisted']);
      expect(auditPublishedSchemas(generateEventJsonSchemas(), missing).map((p) => p.kind)).toEqual(
        ['catalogue'],
      );
    });
  });
});
