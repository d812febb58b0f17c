import { extendSchema, parse, type GraphQLSchema } from 'graphql';
import { buildApiSchema } from '../../test/support/api-schema';
import {
  API_SDL_COMMAND,
  firstSdlDifference,
  printApiSdl,
  readCheckedInSdl,
} from '../../test/support/api-sdl';

/**
 * apps/query-service/schema.graphql is the served schema checked in as SDL, so a change of the
 * GraphQL API shows up in review as a diff of that file. This fails while the file and the code
 * disagree.
 */
describe('checked-in GraphQL SDL (apps/query-service/schema.graphql)', () => {
  let served: GraphQLSchema;

  beforeAll(async () => {
    served = await buildApiSchema();
  });

  it("is the code's schema, byte for byte", () => {
    const difference = firstSdlDifference(readCheckedInSdl(), printApiSdl(served));
    if (difference !== undefined) {
      throw new Error(
        `apps/query-service/schema.graphql differs from the code's schema at ${difference}\n` +
          `Print it again from the workspace root with:\n  ${API_SDL_COMMAND}\n` +
          'then review the change against docs/api.md and commit it.',
      );
    }
  });

  it('would notice a field the code added', () => {
    const extended = extendSchema(served, parse('extend type Account { nickname: String }'));

    expect(firstSdlDifference(readCheckedInSdl(), printApiSdl(extended))).toMatch(
      /^line \d+:\n {2}- {3}openedAt: DateTime!\n {2}\+ {3}nickname: String$/,
    );
  });
});
