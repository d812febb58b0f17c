import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PublicationRefusedError, publishSchemas } from './publish-schemas';
import { auditPublishedSchemas } from './published-schema-audit';
import { readPublishedSchemas } from './published-schemas-directory';
import { generateEventJsonSchemas, type EventJsonSchemaFile } from '../event-json-schemas';

/** The publish step on a directory of its own: it adds, and never overwrites. */
describe('publishSchemas', () => {
  let dir: string;
  const code = generateEventJsonSchemas();

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'published-schemas-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function snapshot(): Record<string, string> {
    return Object.fromEntries(
      readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
    );
  }

  it('publishes every version into an empty directory, and then has nothing left to do', () => {
    expect(publishSchemas(dir, code)).toEqual(code.map((file) => file.fileName));
    expect(auditPublishedSchemas(code, readPublishedSchemas(dir))).toEqual([]);

    const before = snapshot();
    expect(publishSchemas(dir, code)).toEqual([]);
    expect(snapshot()).toEqual(before);
  });

  it('writes the same bytes as the checked-in publication', () => {
    publishSchemas(dir, code);

    expect(readPublishedSchemas(dir)).toEqual(readPublishedSchemas());
  });

  it('adds a new version without touching the published ones', () => {
    publishSchemas(dir, code);
    const before = snapshot();
    const closed = code.find((file) => file.type === 'account.closed')!;
    const next: EventJsonSchemaFile = {
      ...closed,
      schemaVersion: 2,
      fileName: 'account.closed.v2.schema.json',
    };

    expect(publishSchemas(dir, [...code, next])).toEqual(['account.closed.v2.schema.json']);

    const after = snapshot();
    for (const [name, text] of Object.entries(before)) {
      if (name !== 'catalogue.json') expect(after[name]).toBe(text);
    }
    expect(readPublishedSchemas(dir).catalogue.schemas).toContainEqual(
      expect.objectContaining({ type: 'account.closed', schemaVersion: 2 }),
    );
  });

  it('refuses to change a published schema, and writes nothing, not even new versions', () => {
    publishSchemas(dir, code);
    const before = snapshot();
    const changed = code.map((file) =>
      file.type === 'account.closed'
        ? { ...file, schema: { ...file.schema, description: 'reworded' } }
        : file,
    );
    const opened = code.find((file) => file.type === 'account.opened' && file.schemaVersion === 2)!;
    const newVersion = { ...opened, schemaVersion: 3, fileName: 'account.opened.v3.schema.json' };

    expect(() => publishSchemas(dir, [...changed, newVersion])).toThrow(PublicationRefusedError);
    expect(() => publishSchemas(dir, [...changed, newVersion])).toThrow(
      /published schemas never change[\s\S]*account\.closed v1 differs/,
    );
    expect(snapshot()).toEqual(before);
  });

  it('refuses to publish while a published version is missing from the code', () => {
    publishSchemas(dir, code);
    const before = snapshot();

    expect(() => publishSchemas(dir, code.slice(1))).toThrow(/is published but the code no longer/);
    expect(snapshot()).toEqual(before);
  });
});
