import { GraphQLClient } from './graphql-client';

export interface AccountView {
  balance: string;
  version: number;
}

/** REST commands and GraphQL reads of the whole pipeline, as one client (a teller) makes them. */
export class PipelineClient {
  constructor(
    private readonly teller: string,
    public commandUrl: string,
    public queryUrl: string,
  ) {}

  async command(
    path: string,
    body: unknown,
    idempotencyKey?: string,
  ): Promise<{ status: number; version: number; replayed: boolean }> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.teller}`,
      'content-type': 'application/json',
    };
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    const response = await fetch(`${this.commandUrl}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { version: number };
    return {
      status: response.status,
      version: json.version,
      // An Idempotency-Key retry answered from the stored first response.
      replayed: response.headers.get('idempotent-replayed') === 'true',
    };
  }

  openAccount(accountId: string, ownerId: string): Promise<{ status: number; version: number }> {
    return this.command('/accounts', { accountId, ownerId, currency: 'EUR' });
  }

  async account(id: string, minVersion: number): Promise<AccountView> {
    const result = await new GraphQLClient(this.queryUrl).query<{ account: AccountView }>(
      'query($id: ID!, $v: Int) { account(id: $id, minVersion: $v) { balance version } }',
      { id, v: minVersion },
      this.teller,
    );
    if (!result.body.data?.account) throw new Error(JSON.stringify(result.body.errors));
    return result.body.data.account;
  }

  /** Every movement id of an account, following the pagination cursors to the end. */
  async allTransactionIds(id: string): Promise<string[]> {
    type Page = {
      transactions: {
        edges: Array<{ node: { id: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const found: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { body: { data?: Page | null } } = await new GraphQLClient(
        this.queryUrl,
      ).query<Page>(
        `query($id: ID!, $after: String) {
          transactions(accountId: $id, first: 100, after: $after) {
            edges { node { id } } pageInfo { hasNextPage endCursor }
          }
        }`,
        { id, after },
        this.teller,
      );
      const connection = page.body.data!.transactions;
      found.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) return found;
      after = connection.pageInfo.endCursor;
    }
  }

  async portfolioTotals(ownerId: string): Promise<Array<{ currency: string; balance: string }>> {
    const result = await new GraphQLClient(this.queryUrl).query<{
      portfolio: { totals: Array<{ currency: string; balance: string }> };
    }>(
      'query($owner: String!) { portfolio(ownerId: $owner) { totals { currency balance } } }',
      { owner: ownerId },
      this.teller,
    );
    if (!result.body.data) throw new Error(JSON.stringify(result.body.errors));
    return result.body.data.portfolio.totals;
  }
}
