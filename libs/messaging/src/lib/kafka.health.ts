import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Admin } from 'kafkajs';
import { KAFKA_ADMIN } from './kafka.tokens';

export interface KafkaCheckOptions {
  key?: string;
  /**
   * When false, an unreachable cluster reports `degraded` (HTTP 200) instead of `down`: the write
   * side keeps accepting commands without Kafka because the event table is the outbox.
   */
  required?: boolean;
  timeoutMs?: number;
}

/** Reports whether the Kafka cluster answers a metadata request. */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private connected?: Promise<void>;

  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
  ) {}

  async check({ key = 'kafka', required = true, timeoutMs = 3_000 }: KafkaCheckOptions = {}) {
    const session = this.health.check(key);
    try {
      const brokers = await withTimeout(this.describe(), timeoutMs);
      return session.up({ brokers });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return required ? session.down({ message }) : session.degraded({ message });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connected) await this.admin.disconnect();
  }

  private async describe(): Promise<number> {
    this.connected ??= this.admin.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    await this.connected;
    return (await this.admin.describeCluster()).brokers.length;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
