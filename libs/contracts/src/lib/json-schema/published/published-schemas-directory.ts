import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CATALOGUE_FILE_NAME,
  parseCatalogue,
  serializeCatalogue,
  type PublishedCatalogue,
} from './published-catalogue';
import type { PublishedSchemas } from './published-schema-audit';

/** libs/contracts/schemas/: the published schemas and their catalogue, checked in. */
export const PUBLISHED_SCHEMAS_DIR = path.resolve(__dirname, '../../../../schemas');

const SCHEMA_FILE_SUFFIX = '.schema.json';

/** The catalogue and every schema file of `dir`; an absent directory publishes nothing. */
export function readPublishedSchemas(dir: string = PUBLISHED_SCHEMAS_DIR): PublishedSchemas {
  const cataloguePath = path.join(dir, CATALOGUE_FILE_NAME);
  const catalogue: PublishedCatalogue = existsSync(cataloguePath)
    ? parseCatalogue(readFileSync(cataloguePath, 'utf8'))
    : { schemas: [] };
  const names = existsSync(dir)
    ? readdirSync(dir).filter((name) => name.endsWith(SCHEMA_FILE_SUFFIX))
    : [];
  return {
    catalogue,
    files: new Map(names.map((name) => [name, readFileSync(path.join(dir, name), 'utf8')])),
  };
}

/**
 * Adds schema files to `dir` and writes the catalogue that lists them. Refuses to replace an
 * existing file: the caller has already checked that nothing published changes, and this is the
 * last line of that rule.
 */
export function writePublication(
  dir: string,
  additions: readonly { readonly file: string; readonly text: string }[],
  catalogue: PublishedCatalogue,
): void {
  mkdirSync(dir, { recursive: true });
  for (const { file, text } of additions) {
    // 'wx': fail if the file exists rather than overwrite a published schema.
    writeFileSync(path.join(dir, file), text, { flag: 'wx' });
  }
  writeFileSync(path.join(dir, CATALOGUE_FILE_NAME), serializeCatalogue(catalogue));
}
