import { Logger } from '@nestjs/common';
import type { Collection, Document, IndexDirection } from 'mongodb';

const RETRY_AFTER_MS = 5_000;

export interface IndexSpec {
  readonly name: string;
  readonly key: Readonly<Record<string, IndexDirection>>;
}

/**
 * Creates the indexes a collection lacks, one at a time. One at a time on purpose: FerretDB 1.24
 * drops the connection (a server-side panic) when a single createIndexes command names two or
 * more indexes that already exist, which every restart would do.
 */
export async function ensureIndexes<Doc extends Document>(
  collection: Collection<Doc>,
  specs: readonly IndexSpec[],
): Promise<void> {
  const existing = new Set((await collection.indexes().catch(() => [])).map((index) => index.name));
  for (const spec of specs) {
    if (existing.has(spec.name)) continue;
    await collection.createIndex({ ...spec.key }, { name: spec.name });
  }
}

/**
 * Creates a view's indexes at start-up without holding the start-up hostage: MongoDB may be down
 * while the process starts (it then reports not-ready, see MongoModule), so a failure is logged and
 * retried until it succeeds. Creation is idempotent, so every replica may run it.
 */
export function ensureIndexesInBackground(view: string, create: () => Promise<unknown>): void {
  const logger = new Logger(`${view} view`);
  const attempt = () => {
    create().then(
      () => logger.log('indexes ready'),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        logger.warn(`creating indexes failed (${message}); retrying in ${RETRY_AFTER_MS} ms`);
        setTimeout(attempt, RETRY_AFTER_MS).unref();
      },
    );
  };
  attempt();
}
