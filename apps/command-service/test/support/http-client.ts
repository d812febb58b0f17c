import { randomUUID } from 'node:crypto';
import { DEVELOPMENT_JWT_SECRET, mintDevelopmentToken, type Role } from '@ledgerline/platform';

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** A raw body (sent as is), for malformed-input tests. */
  raw?: string;
}

/** A minimal JSON client for the command-service, as a real client would call it. */
export class CommandClient {
  constructor(private readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let payload: string | undefined = options.raw;
    if (payload === undefined && body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined && !headers['content-type'])
      headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : {}) as T,
      headers: response.headers,
    };
  }

  post<T = Record<string, unknown>>(path: string, body: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, body, options);
  }

  get<T = unknown>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, undefined, options);
  }
}

export function token(sub: string, tenant: string, roles: Role[] = []): Promise<string> {
  return mintDevelopmentToken(DEVELOPMENT_JWT_SECRET, { sub, tenant, roles });
}

export const newId = () => randomUUID();
