import { canonicalJson } from './canonical-json';
import {
  sha256Hex,
  type PublishedCatalogue,
  type PublishedSchemaEntry,
} from './published-catalogue';
import { auditPublishedSchemas, type PublishedSchemaProblem } from './published-schema-audit';
import {
  PUBLISHED_SCHEMAS_DIR,
  readPublishedSchemas,
  writePublication,
} from './published-schemas-directory';
import { generateEventJsonSchemas, type EventJsonSchemaFile } from '../event-json-schemas';

/** Thrown, with nothing written, when publishing would change or drop a published schema. */
export class PublicationRefusedError extends Error {
  constructor(readonly problems: readonly PublishedSchemaProblem[]) {
    super(
      'Refusing to publish: published schemas never change.\n  ' +
        problems.map((problem) => problem.message).join('\n  '),
    );
    this.name = 'PublicationRefusedError';
  }
}

/**
 * The explicit publish step: adds every (type, version) the code defines and `dir` does not yet
 * publish, and nothing else. If any published schema differs from the code, was edited, or was
 * dropped from the code, it writes nothing and throws. Returns the files it added.
 */
export function publishSchemas(
  dir: string = PUBLISHED_SCHEMAS_DIR,
  code: readonly EventJsonSchemaFile[] = generateEventJsonSchemas(),
): string[] {
  const published = readPublishedSchemas(dir);
  const problems = auditPublishedSchemas(code, published);
  const refusals = problems.filter((problem) => problem.kind !== 'unpublished');
  if (refusals.length > 0) throw new PublicationRefusedError(refusals);

  const listed = new Set(published.catalogue.schemas.map((entry) => entry.file));
  const additions = code
    .filter((file) => !listed.has(file.fileName))
    .map((file) => ({ file: file.fileName, text: canonicalJson(file.schema), source: file }));
  if (additions.length === 0) return [];

  const entries: PublishedSchemaEntry[] = additions.map(({ file, text, source }) => ({
    type: source.type,
    schemaVersion: source.schemaVersion,
    file,
    sha256: sha256Hex(text),
  }));
  const catalogue: PublishedCatalogue = {
    schemas: [...published.catalogue.schemas, ...entries],
  };
  writePublication(dir, additions, catalogue);
  return additions.map((addition) => addition.file);
}
