/** The event store's stream type for accounts; also the `streamType` named in a NotFoundError. */
export const ACCOUNT_STREAM_TYPE = 'account';
