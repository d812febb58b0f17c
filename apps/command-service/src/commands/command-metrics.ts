import { HttpException, Injectable } from '@nestjs/common';
import {
  BusinessRuleViolation,
  ConcurrencyError,
  NotFoundError,
  ValidationError,
  VersionMismatchError,
} from '@ledgerline/domain-kernel';
import { MetricsRegistry } from '@ledgerline/platform';
import { Counter } from 'prom-client';

export type CommandOutcome = 'accepted' | 'replayed' | 'rejected' | 'conflict' | 'error';

/** Command outcomes by result, and append races lost (each one re-decided or answered 409). */
@Injectable()
export class CommandMetrics {
  private readonly commands: Counter<'command' | 'outcome'>;
  private readonly conflicts: Counter<'stream_type'>;

  constructor(registry: MetricsRegistry) {
    this.commands = new Counter({
      name: 'ledgerline_commands_total',
      help: 'Commands handled, by command and outcome',
      labelNames: ['command', 'outcome'],
      registers: [registry],
    });
    this.conflicts = new Counter({
      name: 'ledgerline_append_conflicts_total',
      help: 'Appends that lost an optimistic-concurrency race',
      labelNames: ['stream_type'],
      registers: [registry],
    });
  }

  appendConflict(streamType: string): void {
    this.conflicts.inc({ stream_type: streamType });
  }

  /** Counts the outcome of `work` and passes its result or error through unchanged. */
  async count<T>(
    command: string,
    work: () => Promise<T>,
    replayed: (result: T) => boolean,
  ): Promise<T> {
    try {
      const result = await work();
      this.commands.inc({ command, outcome: replayed(result) ? 'replayed' : 'accepted' });
      return result;
    } catch (error) {
      this.commands.inc({ command, outcome: outcomeOf(error) });
      throw error;
    }
  }
}

function outcomeOf(error: unknown): CommandOutcome {
  if (error instanceof ConcurrencyError) return 'conflict';
  if (
    error instanceof BusinessRuleViolation ||
    error instanceof ValidationError ||
    error instanceof NotFoundError ||
    error instanceof VersionMismatchError ||
    (error instanceof HttpException && error.getStatus() < 500)
  ) {
    return 'rejected';
  }
  return 'error';
}
