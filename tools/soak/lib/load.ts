import { randomUUID } from 'node:crypto';
import { postCommand, type CommandAnswer } from './api';

/** One command the soak sent, with everything it learnt about its fate. */
export interface SentCommand {
  readonly key: string;
  readonly accountId: string;
  readonly kind: 'deposit' | 'withdrawal';
  /** Minor units. */
  readonly amount: bigint;
  attempts: number;
  /** 'acknowledged' = a 2xx; 'rejected' = a 4xx business answer; 'unresolved' = never answered. */
  outcome: 'acknowledged' | 'rejected' | 'unresolved';
  version?: number;
  problemType?: string;
}

export interface LoadOptions {
  readonly workers: number;
  readonly accountIds: readonly string[];
  readonly token: string;
  readonly commandUrl: () => string;
  readonly random: () => number;
}

/** Answers after which the same request is sent again, with the same key: the client's duty. */
const RETRIED = (status: number) => status >= 500 || status === 409 || status === 429;
const GIVE_UP_AFTER_MS = 120_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A closed loop of deposits and withdrawals, each with its own Idempotency-Key, which is also the
 * movement's reference: every event in the store names the command that caused it. A request that
 * fails on the network, a 5xx, a 409 or a 429 is sent again unchanged until it is answered.
 */
export class LoadGenerator {
  readonly sent: SentCommand[] = [];
  inFlight = 0;
  lastAcknowledgedAt = 0;
  private running = false;
  private workers: Promise<void>[] = [];

  constructor(private readonly options: LoadOptions) {}

  start(): void {
    this.running = true;
    this.workers = Array.from({ length: this.options.workers }, () => this.work());
  }

  /** Stops starting commands; resolves when every started one is answered (or given up). */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  get retries(): number {
    return this.sent.reduce((sum, command) => sum + command.attempts - 1, 0);
  }

  private async work(): Promise<void> {
    const { accountIds, random } = this.options;
    while (this.running) {
      const accountId = accountIds[Math.floor(random() * accountIds.length)] as string;
      const withdrawal = random() < 0.35;
      const cents = BigInt(100 + Math.floor(random() * (withdrawal ? 5_000 : 10_000)));
      const command: SentCommand = {
        key: randomUUID(),
        accountId,
        kind: withdrawal ? 'withdrawal' : 'deposit',
        amount: cents,
        attempts: 0,
        outcome: 'unresolved',
      };
      this.sent.push(command);
      await this.send(command);
    }
  }

  /** Sends one command until it is answered; exported for the recovery probes. */
  async send(command: SentCommand): Promise<void> {
    const path = `/accounts/${command.accountId}/${command.kind === 'deposit' ? 'deposits' : 'withdrawals'}`;
    const body = { amount: formatMinor(command.amount), reference: command.key };
    const started = Date.now();
    this.inFlight++;
    try {
      while (Date.now() - started < GIVE_UP_AFTER_MS) {
        command.attempts++;
        let answer: CommandAnswer | null = null;
        try {
          answer = await postCommand(
            this.options.commandUrl(),
            this.options.token,
            path,
            body,
            command.key,
          );
        } catch {
          answer = null; // refused, reset, timed out: the outcome is unknown, so send it again
        }
        if (answer && !RETRIED(answer.status)) {
          if (answer.status >= 200 && answer.status < 300) {
            command.outcome = 'acknowledged';
            command.version = answer.version;
            this.lastAcknowledgedAt = Date.now();
          } else {
            command.outcome = 'rejected';
            command.problemType = answer.problemType ?? String(answer.status);
          }
          return;
        }
        await pause(Math.min(1_000, 50 * command.attempts));
      }
    } finally {
      this.inFlight--;
    }
  }
}

export function formatMinor(minor: bigint): string {
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}
