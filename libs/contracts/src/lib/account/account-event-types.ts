/**
 * Stable wire names of the account stream's events. They are part of the public contract
 * (docs/api.md) and independent of class names: renaming a class never changes the wire.
 */
export const ACCOUNT_OPENED = 'account.opened';
export const ACCOUNT_MONEY_DEPOSITED = 'account.money-deposited';
export const ACCOUNT_MONEY_WITHDRAWN = 'account.money-withdrawn';
export const ACCOUNT_CLOSED = 'account.closed';
