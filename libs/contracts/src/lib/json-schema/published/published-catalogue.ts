import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { isRecord } from '../../util/is-record';

/**
 * The index of libs/contracts/schemas/: one entry per published (type, schema version), with the
 * SHA-256 of its file. A published file edited by hand no longer matches its hash, and changing
 * the hash too is a visible edit of this index in review.
 */
export interface PublishedSchemaEntry {
  readonly type: string;
  readonly schemaVersion: number;
  /** The file next to the catalogue, `<type>.v<schemaVersion>.schema.json`. */
  readonly file: string;
  /** Hex SHA-256 of the file's bytes (its canonical JSON). */
  readonly sha256: string;
}

export interface PublishedCatalogue {
  readonly schemas: readonly PublishedSchemaEntry[];
}

export const CATALOGUE_FILE_NAME = 'catalogue.json';

/** The only writer of libs/contracts/schemas/ (tools/contracts/publish-schemas.ts). */
export const PUBLISH_SCHEMAS_COMMAND = 'npm run contracts:publish';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `(type, schemaVersion)` as one map key. */
export function schemaKey(type: string, schemaVersion: number): string {
  return `${type} v${schemaVersion}`;
}

/** The catalogue's text: entries sorted by type, then version, in canonical JSON. */
export function serializeCatalogue(catalogue: PublishedCatalogue): string {
  const schemas = [...catalogue.schemas].sort(
    (a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || a.schemaVersion - b.schemaVersion,
  );
  return canonicalJson({
    $comment:
      `Published event schemas. Written only by \`${PUBLISH_SCHEMAS_COMMAND}\`, which adds new ` +
      '(type, schemaVersion) pairs and never changes or removes one; sha256 is of the file.',
    schemas,
  });
}

/** Reads the catalogue's text, refusing anything but the shape `serializeCatalogue` writes. */
export function parseCatalogue(text: string): PublishedCatalogue {
  const parsed: unknown = JSON.parse(text);
  if (!isRecord(parsed) || !Array.isArray(parsed['schemas'])) {
    throw new Error(`${CATALOGUE_FILE_NAME}: expected an object with a "schemas" array`);
  }
  return { schemas: parsed['schemas'].map(parseEntry) };
}

function parseEntry(entry: unknown, index: number): PublishedSchemaEntry {
  const valid =
    isRecord(entry) &&
    typeof entry['type'] === 'string' &&
    Number.isSafeInteger(entry['schemaVersion']) &&
    (entry['schemaVersion'] as number) >= 1 &&
    typeof entry['file'] === 'string' &&
    typeof entry['sha256'] === 'string' &&
    /^[0-9a-f]{64}$/.test(entry['sha256']);
  if (!valid) {
    throw new Error(
      `${CATALOGUE_FILE_NAME}: schemas[${index}] is not { type, schemaVersion ≥ 1, file, sha256 (64 hex) }`,
    );
  }
  const { type, schemaVersion, file, sha256 } = entry as unknown as PublishedSchemaEntry;
  return { type, schemaVersion, file, sha256 };
}
