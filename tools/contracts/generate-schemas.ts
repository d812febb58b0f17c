/**
 * (Re)writes libs/contracts/schemas/ from the event classes, removing files of (type, version)
 * pairs that no longer exist. Run after changing an event class:
 *
 *   node -r @swc-node/register tools/contracts/generate-schemas.ts
 *
 * libs/contracts/src/lib/json-schema/checked-in-schemas.spec.ts fails until the files are current.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateEventJsonSchemas, serializeJsonSchema } from '../../libs/contracts/src';

const schemasDir = path.resolve(__dirname, '../../libs/contracts/schemas');

const files = generateEventJsonSchemas();
mkdirSync(schemasDir, { recursive: true });
for (const file of files) {
  writeFileSync(path.join(schemasDir, file.fileName), serializeJsonSchema(file.schema));
}
const current = new Set(files.map((file) => file.fileName));
const stale = readdirSync(schemasDir).filter(
  (name) => name.endsWith('.schema.json') && !current.has(name),
);
for (const name of stale) {
  rmSync(path.join(schemasDir, name));
}

console.log(
  `${files.length} schemas written to ${path.relative(process.cwd(), schemasDir)}` +
    (stale.length > 0 ? `, ${stale.length} stale removed: ${stale.join(', ')}` : ''),
);
