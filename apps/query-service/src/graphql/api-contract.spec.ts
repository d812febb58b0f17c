import {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  lexicographicSortSchema,
  printSchema,
  type GraphQLSchema,
} from 'graphql';
import { buildApiSchema } from '../../test/support/api-schema';

/**
 * The GraphQL part of shared/API.md, verbatim, plus what its prose defines (DateTime, Relay
 * connections). Clients are written against it: the served schema may add, never change.
 */
const CONTRACT = /* GraphQL */ `
  type Account {
    id: ID!
    ownerId: String!
    currency: String!
    balance: String!
    status: AccountStatus!
    overdraftLimit: String!
    dailyWithdrawalLimit: String!
    withdrawnToday: String!
    version: Int!
    openedAt: DateTime!
    updatedAt: DateTime!
  }
  enum AccountStatus {
    OPEN
    CLOSED
  }
  type Transaction {
    id: ID!
    accountId: ID!
    kind: TransactionKind!
    amount: String!
    balanceAfter: String!
    reference: String
    occurredAt: DateTime!
    version: Int!
    transferId: ID
  }
  enum TransactionKind {
    DEPOSIT
    WITHDRAWAL
    TRANSFER_IN
    TRANSFER_OUT
    COMPENSATION
  }
  type Transfer {
    id: ID!
    fromAccountId: ID!
    toAccountId: ID!
    amount: String!
    status: TransferStatus!
    reason: String
    requestedAt: DateTime!
    updatedAt: DateTime!
  }
  enum TransferStatus {
    PENDING
    COMPLETED
    FAILED
  }
  type Portfolio {
    ownerId: String!
    accounts: [Account!]!
    totals: [CurrencyTotal!]!
  }
  type CurrencyTotal {
    currency: String!
    balance: String!
  }
  type Query {
    account(id: ID!, minVersion: Int): Account
    accounts(
      ownerId: String
      status: AccountStatus
      first: Int = 20
      after: String
    ): AccountConnection!
    transactions(
      accountId: ID!
      first: Int = 50
      after: String
      from: DateTime
      to: DateTime
    ): TransactionConnection!
    balanceAt(accountId: ID!, at: DateTime!): String!
    transfer(id: ID!): Transfer
    portfolio(ownerId: String!): Portfolio!
  }

  scalar DateTime
  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }
  type AccountEdge {
    node: Account!
    cursor: String!
  }
  type AccountConnection {
    edges: [AccountEdge!]!
    pageInfo: PageInfo!
  }
  type TransactionEdge {
    node: Transaction!
    cursor: String!
  }
  type TransactionConnection {
    edges: [TransactionEdge!]!
    pageInfo: PageInfo!
  }
`;

describe('GraphQL schema against the public contract (shared/API.md)', () => {
  let served: GraphQLSchema;
  const contract = buildSchema(CONTRACT);

  beforeAll(async () => {
    served = await buildApiSchema();
  });

  it('breaks nothing a client of the contract relies on', () => {
    expect(findBreakingChanges(contract, served)).toEqual([]);
  });

  it('changes no default value and adds no enum value (dangerous for clients)', () => {
    expect(findDangerousChanges(contract, served)).toEqual([]);
  });

  it('serves exactly the contract, descriptions aside', () => {
    const print = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema));
    expect(print(withoutDescriptions(served))).toBe(print(contract));
  });
});

function withoutDescriptions(schema: GraphQLSchema): GraphQLSchema {
  return buildSchema(
    printSchema(schema)
      .replace(/^\s*"""[\s\S]*?"""\n/gm, '')
      .replace(/^\s*"[^"\n]*"\n/gm, '')
      .replace(/\("[^"\n]*"\s*/g, '(')
      .replace(/,\s*"[^"\n]*"\s*/g, ', '),
  );
}
