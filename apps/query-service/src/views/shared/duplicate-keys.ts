import { MongoBulkWriteError } from 'mongodb';

const DUPLICATE_KEY = 11000;

/**
 * True only when a bulk write failed for no other reason than documents already being there.
 *
 * A bulk error is not a list of duplicates by default: when the connection drops mid-write (the
 * server killed, a network cut) the driver raises a `MongoBulkWriteError` whose `writeErrors` is
 * empty (so does a write-concern failure), and "every one of no errors is a duplicate" is
 * vacuously true. Treating that as success
 * committed the Kafka offsets of movements that were never written. So an empty list, a
 * top-level error code, a write-concern error or any non-11000 entry means the batch failed and
 * must be retried (redelivery is harmless: every view write is guarded).
 */
export function isOnlyDuplicateKeys(error: unknown): error is MongoBulkWriteError {
  if (!(error instanceof MongoBulkWriteError)) return false;
  if (error.result.getWriteConcernError() !== undefined) return false;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  return (
    writeErrors.length > 0 && writeErrors.every((writeError) => writeError?.code === DUPLICATE_KEY)
  );
}
