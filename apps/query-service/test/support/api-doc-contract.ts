import { readFileSync } from 'node:fs';
import path from 'node:path';

/** docs/api.md: the public contract, written for people; its GraphQL block is the schema. */
export const API_DOC_PATH = path.resolve(__dirname, '../../../../docs/api.md');

const MARKER = '<!-- graphql-contract';
const OPENING = '```graphql\n';
const CLOSING = '\n```';

/**
 * The SDL of the first ```graphql block after the `<!-- graphql-contract … -->` marker of
 * docs/api.md: what clients were promised, kept by hand, so a change of the served schema must be
 * made there too, deliberately.
 */
export function graphqlContractOf(markdown: string = readFileSync(API_DOC_PATH, 'utf8')): string {
  const marker = markdown.indexOf(MARKER);
  const opening = marker === -1 ? -1 : markdown.indexOf(OPENING, marker);
  const closing = opening === -1 ? -1 : markdown.indexOf(CLOSING, opening + OPENING.length - 1);
  if (closing === -1) {
    throw new Error(`docs/api.md: no \`${OPENING.trim()}\` block after a "${MARKER} … -->" marker`);
  }
  return markdown.slice(opening + OPENING.length, closing + 1);
}
