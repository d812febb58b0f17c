/**
 * `npm run contracts:publish`: the only writer of libs/contracts/schemas/. Publishes every event
 * (type, schema version) the code defines that is not published yet, and refuses — writing
 * nothing — if a published schema would change or disappear. Review and commit what it adds.
 *
 * libs/contracts/src/lib/json-schema/published/published-schemas.spec.ts fails until every
 * version is published, and whenever the code's schema of a published version changes.
 */
import path from 'node:path';
import {
  PublicationRefusedError,
  publishSchemas,
} from '../../libs/contracts/src/lib/json-schema/published/publish-schemas';
import { PUBLISHED_SCHEMAS_DIR } from '../../libs/contracts/src/lib/json-schema/published/published-schemas-directory';

const where = path.relative(process.cwd(), PUBLISHED_SCHEMAS_DIR);
try {
  const added = publishSchemas(PUBLISHED_SCHEMAS_DIR);
  console.log(
    added.length === 0
      ? `${where}: every schema version is already published, nothing to do`
      : `${where}: published ${added.join(', ')}; review and commit them with catalogue.json`,
  );
} catch (error) {
  if (!(error instanceof PublicationRefusedError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
