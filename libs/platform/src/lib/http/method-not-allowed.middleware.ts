import { METHODS } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from './problem';

/** The parts of an Express 5 router layer (package `router`) this reads. */
export interface RouterLayer {
  route?: { methods: Record<string, boolean | undefined> };
  match(path: string): unknown;
}

interface ExpressApplication {
  router: { stack: RouterLayer[] };
}

/**
 * The layers of routes that take some methods only. Routes taking every method are left out: Nest
 * registers its middleware as such routes on every path (`forRoutes('*path')`), so they say
 * nothing about a path. (An `@All()` endpoint sharing its path with routes of specific methods
 * would therefore be answered 405 for the other methods; no controller here does that.)
 */
export function endpointLayers(stack: readonly RouterLayer[]): RouterLayer[] {
  return stack.filter(
    ({ route }) =>
      route !== undefined &&
      !route.methods['_all'] &&
      !METHODS.every((method) => route.methods[method.toLowerCase()]),
  );
}

/**
 * The methods the endpoint layers serve on `path`, upper case and sorted, with HEAD wherever GET
 * is (Express answers it from the GET route); empty when none matches the path.
 */
export function servedMethods(endpoints: readonly RouterLayer[], path: string): string[] {
  const methods = new Set<string>();
  for (const layer of endpoints) {
    if (!layer.route || !layer.match(path)) continue;
    for (const [method, handled] of Object.entries(layer.route.methods))
      if (handled) methods.add(method.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/**
 * A known path asked with a method none of its routes take is a 405 with `Allow` (RFC 9110
 * §15.5.6), not Nest's 404, so a client (or schemathesis' `unsupported_method` check) learns the
 * resource exists and how to use it; OPTIONS, unless a route takes it, is a 204 with `Allow`.
 * Unknown paths fall through to the 404. The methods are read from the routes registered on the
 * Express router, so they follow the controllers. Runs as middleware, before authentication:
 * `Allow` describes the resource, not the caller's rights.
 */
@Injectable()
export class MethodNotAllowedMiddleware implements NestMiddleware {
  /** Read at the first request, when every route is registered. */
  private endpoints: RouterLayer[] | undefined;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const served = servedMethods(this.routes(), request.originalUrl.split('?')[0] ?? '/');
    if (served.length === 0 || served.includes(request.method)) {
      next();
      return;
    }
    const allow = [...new Set([...served, 'OPTIONS'])].sort().join(', ');
    response.setHeader('allow', allow);
    if (request.method === 'OPTIONS') {
      response.status(204).end();
      return;
    }
    next(
      new ProblemException({
        type: '/problems/method-not-allowed',
        title: 'Method not allowed',
        status: 405,
        detail: `${request.method} is not allowed here; allowed: ${allow}.`,
      }),
    );
  }

  private routes(): readonly RouterLayer[] {
    this.endpoints ??= endpointLayers(
      this.adapterHost.httpAdapter.getInstance<ExpressApplication>().router.stack,
    );
    return this.endpoints;
  }
}
