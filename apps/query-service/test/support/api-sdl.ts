import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildApiSchema } from './api-schema';

/** The served GraphQL schema as SDL, checked in for clients and reviewers. */
export const API_SDL_PATH = path.resolve(__dirname, '../../schema.graphql');

/** Rewrites API_SDL_PATH from the code; src/graphql/schema-sdl.spec.ts fails until it is run. */
export const API_SDL_COMMAND = 'npm run graphql:schema';

const HEADER =
  `# The GraphQL schema the query-service serves, printed from its code-first resolvers by\n` +
  `# \`${API_SDL_COMMAND}\`. Do not edit: change the code and print again.\n\n`;

/** The SDL text of a schema: types sorted by name, so the file changes only when the API does. */
export function printApiSdl(schema: GraphQLSchema): string {
  return `${HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;
}

export function readCheckedInSdl(): string {
  return readFileSync(API_SDL_PATH, 'utf8');
}

export async function writeCheckedInSdl(): Promise<string> {
  const sdl = printApiSdl(await buildApiSchema());
  writeFileSync(API_SDL_PATH, sdl);
  return sdl;
}

/** The first line where two SDL texts differ, as `line N: - … / + …`, or undefined if equal. */
export function firstSdlDifference(expected: string, actual: string): string | undefined {
  if (expected === actual) return undefined;
  const left = expected.split('\n');
  const right = actual.split('\n');
  const index = left.findIndex((line, i) => line !== right[i]);
  const at = index === -1 ? left.length : index;
  return `line ${at + 1}:\n  - ${left[at] ?? '(end of file)'}\n  + ${right[at] ?? '(end of file)'}`;
}
