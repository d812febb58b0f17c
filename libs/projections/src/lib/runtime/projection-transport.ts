import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import type { ProjectionRuntime } from './projection-runtime';

/**
 * Plugs the projection runtime into Nest as a microservice transport, so one Nest app serves
 * GraphQL over HTTP and consumes Kafka, with one lifecycle (`startAllMicroservices`, SIGTERM).
 * Not the built-in Kafka transport: it hands messages to one sequential handler and cannot batch,
 * and batching is what makes the MongoDB writes affordable.
 */
export class ProjectionTransport extends Server implements CustomTransportStrategy {
  constructor(private readonly runtime: ProjectionRuntime) {
    super();
  }

  /**
   * Reports "listening" at once: the runtime joins its group in the background, which after a
   * kill -9 of this process waits out the dead member's session. Awaiting that here would keep
   * `startAllMicroservices` - and so GraphQL - waiting too.
   */
  listen(callback: (...optionalParams: unknown[]) => void): void {
    this.runtime.start();
    callback();
  }

  close(): Promise<void> {
    return this.runtime.stop();
  }

  on(): void {
    // The runtime reports through its observer, not through transport events.
  }

  unwrap<T>(): T {
    return this.runtime as T;
  }
}
