import {
  Controller,
  Get,
  Global,
  Header,
  Injectable,
  Module,
  type NestMiddleware,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators';
import { routeTemplate } from '../http/route-template';

/** One registry per process; app code registers its own metrics on it. */
export class MetricsRegistry extends Registry {
  /** Request latency by route template (not raw URL: ids would explode the label space). */
  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;

  constructor() {
    super();
    collectDefaultMetrics({ register: this });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this],
    });
  }
}

@Public()
@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: MetricsRegistry) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics of this process' })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Prometheus text exposition format 0.0.4.',
    schema: { type: 'string' },
  })
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}

/**
 * Measures each request when its response finishes, so errors, 404s and rejected bodies are
 * counted too. Stateless: Nest may instantiate middleware more than once.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly registry: MetricsRegistry) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stop = this.registry.httpDuration.startTimer();
    response.on('finish', () => {
      stop({
        method: request.method,
        route: routeTemplate(request) ?? 'unmatched',
        status_code: String(response.statusCode),
      });
    });
    next();
  }
}

@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsRegistry, HttpMetricsMiddleware],
  exports: [MetricsRegistry, HttpMetricsMiddleware],
})
export class MetricsModule {}
