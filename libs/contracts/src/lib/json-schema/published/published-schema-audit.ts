import { canonicalJson } from './canonical-json';
import { jsonDifferences } from './json-differences';
import {
  CATALOGUE_FILE_NAME,
  PUBLISH_SCHEMAS_COMMAND,
  schemaKey,
  sha256Hex,
  type PublishedCatalogue,
  type PublishedSchemaEntry,
} from './published-catalogue';
import type { EventJsonSchemaFile } from '../event-json-schemas';

/** What libs/contracts/schemas/ holds: its catalogue and the text of every schema file in it. */
export interface PublishedSchemas {
  readonly catalogue: PublishedCatalogue;
  /** File name → text, for every `*.schema.json` in the directory. */
  readonly files: ReadonlyMap<string, string>;
}

export type PublishedSchemaProblemKind =
  /** The code defines a (type, version) nobody published yet: publish it deliberately. */
  | 'unpublished'
  /** The code's schema of a published (type, version) is not the published one. */
  | 'changed'
  /** A published (type, version) is no longer defined by the code. */
  | 'withdrawn'
  /** A published file's bytes no longer have the catalogue's hash (edited by hand). */
  | 'edited'
  /** A catalogue entry without its file, or with the wrong name, or listed twice. */
  | 'catalogue'
  /** A schema file the catalogue does not list (not written by the publish step). */
  | 'unlisted';

export interface PublishedSchemaProblem {
  readonly kind: PublishedSchemaProblemKind;
  readonly message: string;
}

/**
 * Compares the code's schemas with the published ones. Published schemas are immutable: every
 * (type, version) the code knows must be published, every published schema must equal the code's
 * byte for byte in canonical JSON, and none may disappear from the code. Empty when all hold.
 */
export function auditPublishedSchemas(
  code: readonly EventJsonSchemaFile[],
  published: PublishedSchemas,
): PublishedSchemaProblem[] {
  const problems: PublishedSchemaProblem[] = [];
  const codeByKey = new Map(code.map((file) => [schemaKey(file.type, file.schemaVersion), file]));
  const entryByKey = new Map<string, PublishedSchemaEntry>();

  for (const entry of published.catalogue.schemas) {
    const key = schemaKey(entry.type, entry.schemaVersion);
    if (entryByKey.has(key)) {
      problems.push({
        kind: 'catalogue',
        message: `${key} is listed twice in ${CATALOGUE_FILE_NAME}`,
      });
      continue;
    }
    entryByKey.set(key, entry);
    problems.push(...auditEntry(entry, published.files.get(entry.file), code, codeByKey.get(key)));
  }

  for (const [key, file] of codeByKey) {
    if (!entryByKey.has(key)) {
      problems.push({
        kind: 'unpublished',
        message:
          `${key} is defined by the code but not published. Publish it deliberately with ` +
          `\`${PUBLISH_SCHEMAS_COMMAND}\` and commit libs/contracts/schemas/ (${file.fileName}).`,
      });
    }
  }

  const listed = new Set(published.catalogue.schemas.map((entry) => entry.file));
  for (const name of published.files.keys()) {
    if (!listed.has(name)) {
      problems.push({
        kind: 'unlisted',
        message: `${name} is not in ${CATALOGUE_FILE_NAME}: only \`${PUBLISH_SCHEMAS_COMMAND}\` writes published schemas`,
      });
    }
  }
  return problems;
}

function auditEntry(
  entry: PublishedSchemaEntry,
  text: string | undefined,
  code: readonly EventJsonSchemaFile[],
  codeFile: EventJsonSchemaFile | undefined,
): PublishedSchemaProblem[] {
  const key = schemaKey(entry.type, entry.schemaVersion);
  const expectedName = `${entry.type}.v${entry.schemaVersion}.schema.json`;
  if (entry.file !== expectedName) {
    return [
      { kind: 'catalogue', message: `${key} is listed as ${entry.file}, not ${expectedName}` },
    ];
  }
  if (text === undefined) {
    return [{ kind: 'catalogue', message: `${key}: ${entry.file} is listed but missing` }];
  }
  const problems: PublishedSchemaProblem[] = [];
  if (sha256Hex(text) !== entry.sha256) {
    problems.push({
      kind: 'edited',
      message: `${entry.file} was edited after publication: its SHA-256 is not the catalogue's`,
    });
  }
  if (codeFile === undefined) {
    problems.push({
      kind: 'withdrawn',
      message:
        `${key} is published but the code no longer defines it: recorded events of a ` +
        'published version must stay decodable, so keep its class and upcaster.',
    });
    return problems;
  }
  const codeText = canonicalJson(codeFile.schema);
  if (codeText !== text) {
    const next =
      Math.max(...code.filter((f) => f.type === entry.type).map((f) => f.schemaVersion)) + 1;
    problems.push({
      kind: 'changed',
      message:
        `${key} differs from its published schema (${entry.file}):\n    ` +
        `${describeDifferences(text, codeFile).join('\n    ')}\n  ` +
        'A published schema never changes: restore the class of this version and express the ' +
        `new shape as schema version ${next} with an upcaster (libs/contracts/README.md).`,
    });
  }
  return problems;
}

function describeDifferences(text: string, codeFile: EventJsonSchemaFile): string[] {
  let published: unknown;
  try {
    published = JSON.parse(text);
  } catch {
    return ['the published file is not JSON'];
  }
  const differences = jsonDifferences(published, codeFile.schema);
  return differences.length > 0 ? differences : ['same value, but the file is not canonical JSON'];
}
