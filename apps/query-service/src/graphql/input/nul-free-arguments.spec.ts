import { parse } from 'graphql';
import { nulArgumentProblem } from './nul-free-arguments';

describe('nulArgumentProblem', () => {
  it('refuses U+0000 in a variable, however deep, naming the variable', () => {
    const problem = nulArgumentProblem(parse('query($id: ID!) { account(id: $id) { id } }'), {
      id: 'a\u0000b',
    });
    expect(problem?.message).toBe('Argument $id contains U+0000, which no stored text does.');
    expect(problem?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: '$id' });
    expect(
      nulArgumentProblem(parse('{ __typename }'), { list: [{ deep: '\u0000' }] }),
    ).not.toBeNull();
  });

  it('refuses U+0000 in a literal argument, naming the argument', () => {
    const problem = nulArgumentProblem(parse('{ portfolio(ownerId: "\\u0000") { ownerId } }'), {});
    expect(problem?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ownerId' });
  });

  it('lets everything else through, other control characters and lone surrogates included', () => {
    const document = parse('query($id: ID!) { account(id: $id, minVersion: 3) { id } }');
    expect(nulArgumentProblem(document, { id: '\u0001\ud800 💶' })).toBeNull();
    expect(
      nulArgumentProblem(parse('{ portfolio(ownerId: "alice") { ownerId } }'), undefined),
    ).toBeNull();
  });
});
