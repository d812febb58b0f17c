import { DEVELOPMENT_JWT_SECRET, mintDevelopmentToken, type Role } from '@ledgerline/platform';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown> & { code?: string };
}

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: GraphQLErrorBody[] };
}

/** POSTs operations to /graphql like any client; `token` null sends no Authorization header. */
export class GraphQLClient {
  constructor(private readonly baseUrl: string) {}

  async query<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token: string | null = null,
    authorization?: string,
  ): Promise<GraphQLResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== null) headers['authorization'] = `Bearer ${token}`;
    if (authorization !== undefined) headers['authorization'] = authorization;
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResult<T>['body'] };
  }
}

export function token(sub: string, tenant: string, roles: Role[] = []): Promise<string> {
  return mintDevelopmentToken(DEVELOPMENT_JWT_SECRET, { sub, tenant, roles });
}

export function codesOf(result: GraphQLResult<unknown>): (string | undefined)[] {
  return (result.body.errors ?? []).map((error) => error.extensions?.code);
}
