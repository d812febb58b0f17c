import type { CommandOutcome } from '@ledgerline/event-store';
import type { Response } from 'express';

/** How a route answers an accepted command: its status, and its Location when it creates. */
export interface CommandReply {
  status: 200 | 201;
  location?: (streamId: string) => string;
}

export const CREATED: CommandReply = { status: 201 };
export const OK: CommandReply = { status: 200 };

/**
 * Writes the HTTP reply of an accepted or replayed command (the CommandAccepted schema of
 * command-response.schema.ts): the stream id, version and position, plus what the domain added.
 * A replay is derived from the recorded outcome by the same route's reply, so a retry gets the
 * first answer — status and headers included — marked `Idempotent-Replayed: true`.
 */
export function send(
  response: Response,
  outcome: CommandOutcome,
  reply: CommandReply,
): Record<string, unknown> {
  response.status(reply.status);
  response.setHeader('etag', `"${outcome.version}"`);
  if (reply.location) response.setHeader('location', reply.location(outcome.streamId));
  if (outcome.replayed) response.setHeader('idempotent-replayed', 'true');
  return {
    ...outcome.result,
    streamId: outcome.streamId,
    version: outcome.version,
    position: outcome.position.toString(),
  };
}
