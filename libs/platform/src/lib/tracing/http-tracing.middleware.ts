import { Injectable, type NestMiddleware } from '@nestjs/common';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { routeTemplate } from '../http/route-template';

const tracer = trace.getTracer('@ledgerline/platform');

/**
 * One SERVER span per HTTP request, child of the caller's `traceparent` when it sent one. The
 * rest of the request runs inside the span's context, so command handlers store its
 * `traceparent` with their events and log lines carry its ids.
 */
@Injectable()
export class HttpTracingMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = tracer.startSpan(
      request.method,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': request.method, 'url.path': request.path },
      },
      parent,
    );
    response.on('finish', () => {
      // The route, known only after routing, names the span.
      const route = routeTemplate(request);
      if (route) {
        span.updateName(`${request.method} ${route}`);
        span.setAttribute('http.route', route);
      }
      span.setAttribute('http.response.status_code', response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  }
}
