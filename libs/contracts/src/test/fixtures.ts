import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** libs/contracts/fixtures/: one serialised envelope per (type, schema version). */
export const FIXTURES_DIR = path.resolve(__dirname, '../../fixtures');

export function fixtureName(type: string, schemaVersion: number): string {
  return `${type}.v${schemaVersion}`;
}

/** The raw text of a fixture, exactly as a consumer would receive it. */
export function readFixture(name: string): string {
  return readFileSync(path.join(FIXTURES_DIR, `${name}.json`), 'utf8');
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}
