/** A bearer token that must not be accepted; the message says why (it is shown to the caller). */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}
