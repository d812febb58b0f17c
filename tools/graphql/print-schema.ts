/**
 * `npm run graphql:schema`: prints the query-service's code-first GraphQL schema to
 * apps/query-service/schema.graphql. apps/query-service/src/graphql/schema-sdl.spec.ts fails while
 * the checked-in file differs from the code; review the diff (a change there is a change of the
 * public API, see docs/api.md) and commit it.
 */
import 'reflect-metadata';
import path from 'node:path';
import { API_SDL_PATH, writeCheckedInSdl } from '../../apps/query-service/test/support/api-sdl';

void writeCheckedInSdl().then((sdl) => {
  const types = sdl.split('\n').filter((line) => /^(type|enum|scalar|input) /.test(line)).length;
  console.log(`${path.relative(process.cwd(), API_SDL_PATH)}: ${types} types written`);
});
