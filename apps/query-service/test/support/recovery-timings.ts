import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const file = path.resolve(__dirname, '../../../../tmp/recovery-timings.jsonl');

/**
 * Appends one measured recovery (milliseconds by phase) to tmp/recovery-timings.jsonl, so the
 * figures of every run can be read back without the tests printing anything.
 */
export function recordRecovery(scenario: string, timings: Record<string, number | string>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), scenario, ...timings })}\n`,
  );
}
