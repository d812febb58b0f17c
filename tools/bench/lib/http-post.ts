import http from 'node:http';

export interface HttpResult {
  status: number;
  /** Always there for an error status or a connection error; for a 2xx only with `keepBody`. */
  body?: string;
}

/**
 * POST of a JSON `body` to 127.0.0.1:`port` with a bearer token. Never rejects: a connection error
 * is status 0 with its message as the body. A 2xx body is drained unread unless `keepBody` is set,
 * which keeps the load generator's own work per request down.
 */
export function post<KeepBody extends boolean = false>(
  agent: http.Agent,
  port: number,
  token: string,
  urlPath: string,
  body: string,
  options?: { keepBody: KeepBody },
): Promise<KeepBody extends true ? Required<HttpResult> : HttpResult> {
  const keepBody = options?.keepBody ?? false;
  // With keepBody every result below has a body: a fact TypeScript cannot carry to the return type.
  return new Promise<HttpResult>((resolve) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status < 300 && !keepBody) {
          response.resume();
          response.on('end', () => resolve({ status }));
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status, body: Buffer.concat(chunks).toString() }));
      },
    );
    request.on('error', (error) => resolve({ status: 0, body: error.message }));
    request.end(body);
  }) as Promise<KeepBody extends true ? Required<HttpResult> : HttpResult>;
}
