import {
  getNamedType,
  isEnumType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { encodeCursor } from '../../src/graphql/pagination/cursor';

/** Values that exist in the seeded views, so some generated operations get past "not found". */
export interface KnownValues {
  accountIds: string[];
  ownerIds: string[];
}

/** One generated operation: a query of one Query field with its arguments as variables. */
export interface FuzzCase {
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Strings no resolver should choke on: empty, huge, control and unpaired UTF-16, operators. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  'x'.repeat(10_000),
  'nul\u0000byte',
  '\ud800',
  '\udc00lone',
  '💶',
  '{"$gt":""}',
  '$where',
  'a.b',
  '../../etc',
  '%00',
  'null',
];

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const INTS = [20, 1, 100, 0, -1, 101, 2_147_483_647, -2_147_483_648];
/** Not Int32 at all: GraphQL must refuse them before a resolver runs. */
const NOT_INTS = [2_147_483_648, -2_147_483_649, 1.5, Number.MAX_SAFE_INTEGER, '5', true];

const DATE_TIMES = [
  '2024-05-17T10:00:00Z',
  '2024-05-17T10:00:00.123456789+02:00',
  '1970-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00Z',
  '2024-02-30T00:00:00Z',
  '2024-05-17T24:00:00Z',
  '2024-05-17T10:00:00+25:00',
  '2024-05-17',
  'yesterday',
  '',
  1_715_940_000_000,
];

/** Any JSON as a cursor, past what `encodeCursor`'s types allow. */
const rawCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Cursors of the right and wrong kinds, malformed, or with hostile sort keys. */
function cursors(known: KnownValues): unknown[] {
  const id = known.accountIds[0] ?? 'x';
  return [
    encodeCursor('account', ['2024-05-17T09:00:00.000Z', id]),
    encodeCursor('transaction', ['2024-05-17T09:00:00.000Z', 1]),
    encodeCursor('account', ['+275760-09-13T00:00:00.000Z', id]),
    rawCursor(['account', '2024-05-17T09:00:00.000Z', { $gt: '' }]),
    encodeCursor('transaction', ['2024-05-17T09:00:00.000Z', 2 ** 60]),
    encodeCursor('account', []),
    Buffer.from('["account",').toString('base64url'),
    Buffer.from('{"__proto__":{"x":1}}').toString('base64url'),
    'not a cursor!',
    '',
    'A'.repeat(1_001),
  ];
}

/** Every value tried for an argument of this type: valid ones first, then boundaries and garbage. */
function candidates(
  argument: GraphQLArgument,
  type: GraphQLInputType,
  known: KnownValues,
): unknown[] {
  const named = getNamedType(type);
  const nullable = !isNonNullType(type);
  const optional = nullable ? [null, undefined] : [null];
  if (isEnumType(named))
    return [...named.getValues().map((value) => value.name), 'NOPE', 'open', 1, ...optional];
  if (isScalarType(named)) {
    switch (named.name) {
      case 'ID':
        return [...known.accountIds, UNKNOWN_ID, ...HOSTILE_STRINGS, 42, ...optional];
      case 'String':
        return argument.name === 'after'
          ? [...cursors(known), ...optional]
          : [...known.ownerIds, ...HOSTILE_STRINGS, 7, ...optional];
      case 'Int':
        return [...INTS, ...NOT_INTS, ...optional];
      case 'DateTime':
        return [...DATE_TIMES, ...optional];
      case 'Boolean':
        return [true, false, 'yes', ...optional];
    }
  }
  return [...optional];
}

/** A selection of every scalar field, and of object fields down to `depth` levels. */
export function selectionOf(type: GraphQLNamedType, depth: number): string {
  if (!isObjectType(type)) return '';
  const fields = Object.values((type as GraphQLObjectType).getFields()).flatMap((field) => {
    if (field.args.some((argument) => isNonNullType(argument.type))) return [];
    const named = getNamedType(field.type);
    if (!isObjectType(named)) return [field.name];
    return depth > 0 ? [`${field.name} { ${selectionOf(named, depth - 1)} }`] : [];
  });
  return fields.join(' ');
}

function operationOf(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((argument) => `$${argument.name}: ${String(argument.type)}`);
  const argumentsList = field.args.map((argument) => `${argument.name}: $${argument.name}`);
  const selection = selectionOf(getNamedType(field.type), 3);
  return (
    `query Fuzz${variables.length ? `(${variables.join(', ')})` : ''} { ` +
    `${field.name}${argumentsList.length ? `(${argumentsList.join(', ')})` : ''}` +
    `${selection ? ` { ${selection} }` : ''} }`
  );
}

/**
 * Cases for every Query field of the schema: each argument's every candidate with the others at
 * a valid value (boundaries one at a time), then `randomCases` random combinations per field.
 * Variables carry the values, so coercion of wrong types is exercised too.
 */
export function fuzzCases(
  schema: GraphQLSchema,
  known: KnownValues,
  random: () => number,
  randomCases: number,
): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const queryType = schema.getQueryType();
  if (!queryType) return cases;
  for (const field of Object.values(queryType.getFields())) {
    const query = operationOf(field);
    const options = field.args.map((argument) => candidates(argument, argument.type, known));
    // Valid values to vary one argument against: absent when optional, else the first candidate.
    const baseline = field.args.map((argument, index) =>
      isNonNullType(argument.type) ? options[index]?.[0] : undefined,
    );
    const variablesOf = (values: unknown[]) =>
      Object.fromEntries(
        field.args.flatMap((argument, index) =>
          values[index] === undefined ? [] : [[argument.name, values[index]]],
        ),
      );
    options.forEach((values, index) => {
      for (const value of values) {
        const chosen = [...baseline];
        chosen[index] = value;
        cases.push({ field: field.name, query, variables: variablesOf(chosen) });
      }
    });
    for (let i = 0; i < randomCases; i++) {
      const chosen = options.map((values) => values[Math.floor(random() * values.length)]);
      cases.push({ field: field.name, query, variables: variablesOf(chosen) });
    }
    if (field.args.length === 0) cases.push({ field: field.name, query, variables: {} });
  }
  return cases;
}
