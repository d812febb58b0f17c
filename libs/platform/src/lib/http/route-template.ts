import type { Request } from 'express';

/**
 * The matched route as a template (`/accounts/:id/deposits`), never the raw URL whose ids would
 * explode metric labels and span names; `undefined` when no route matched. Express 5's optional
 * wildcard suffix (`/graphql{/*splat}`, how middleware-mounted handlers match) is dropped.
 */
export function routeTemplate(request: Request): string | undefined {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string') return undefined;
  return `${request.baseUrl}${path}`.replace(/\{\/\*\w+\}$/, '') || '/';
}
