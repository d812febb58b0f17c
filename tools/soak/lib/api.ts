/** What the soak sends to the command-service and reads back, over plain HTTP like any client. */
export interface CommandAnswer {
  readonly status: number;
  readonly version?: number;
  readonly replayed: boolean;
  readonly problemType?: string;
}

const REQUEST_TIMEOUT_MS = 10_000;

export async function postCommand(
  baseUrl: string,
  token: string,
  path: string,
  body: unknown,
  idempotencyKey: string,
): Promise<CommandAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  const json = (text ? JSON.parse(text) : {}) as { version?: number; type?: string };
  return {
    status: response.status,
    version: json.version,
    replayed: response.headers.get('idempotent-replayed') === 'true',
    problemType: json.type,
  };
}

/** The account's version in the accounts view, via GraphQL; null when GraphQL does not answer. */
export async function viewedVersion(
  baseUrl: string,
  token: string,
  accountId: string,
): Promise<number | null> {
  try {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($id: ID!) { account(id: $id) { version } }',
        variables: { id: accountId },
      }),
      signal: AbortSignal.timeout(2_000),
    });
    if (response.status !== 200) return null;
    const body = (await response.json()) as {
      data?: { account: { version: number } | null };
      errors?: unknown[];
    };
    if (body.errors?.length || !body.data) return null;
    return body.data.account?.version ?? 0;
  } catch {
    return null;
  }
}
