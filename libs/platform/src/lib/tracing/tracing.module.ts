import { Global, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { HttpTracingMiddleware } from './http-tracing.middleware';
import { stopTracing } from './tracing';

/** Flushes buffered spans when the app shuts down (after the HTTP server stopped). */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await stopTracing();
  }
}

@Global()
@Module({
  providers: [HttpTracingMiddleware, TracingShutdown],
  exports: [HttpTracingMiddleware],
})
export class TracingModule {}
