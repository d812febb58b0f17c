import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from './problem';

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json$/i;

/**
 * A body that is not JSON would reach validation as `{}` and produce confusing field errors;
 * answer 415 instead, naming what we accept.
 */
export function requireJsonBodies(request: Request, _response: Response, next: NextFunction): void {
  const hasBody =
    request.headers['transfer-encoding'] !== undefined ||
    Number(request.headers['content-length'] ?? 0) > 0;
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  if (hasBody && !JSON_TYPE.test(type)) {
    next(
      new ProblemException({
        type: '/problems/unsupported-media-type',
        title: 'Unsupported media type',
        status: 415,
        detail: `Send the body as application/json (got ${type || 'no content type'}).`,
      }),
    );
    return;
  }
  next();
}
