import type { AppendResult, StoredResponse } from '@ledgerline/event-store';
import type { Response } from 'express';

/** The body and headers every command answers with (shared/API.md): stream id, version, position. */
export function commandResponse(
  statusCode: number,
  extraBody: Record<string, unknown> = {},
  extraHeaders: (result: AppendResult) => Record<string, string> = () => ({}),
) {
  return (result: AppendResult): StoredResponse => ({
    statusCode,
    body: {
      streamId: result.streamId,
      version: result.version,
      position: result.position.toString(),
      ...extraBody,
    },
    headers: { etag: `"${result.version}"`, ...extraHeaders(result) },
  });
}

/** Writes a (possibly replayed) command response. */
export function send(response: Response, stored: StoredResponse): Record<string, unknown> {
  response.status(stored.statusCode);
  for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
  return stored.body;
}
