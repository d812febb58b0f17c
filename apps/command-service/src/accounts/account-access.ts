import { ForbiddenException } from '@nestjs/common';
import type { AccountState } from '@ledgerline/accounts-domain';
import { hasAnyRole, type Principal } from '@ledgerline/platform';

/**
 * Who may change an account: tellers and admins any account of their tenant; a customer (no role)
 * only accounts they own; auditors read, they never act.
 */
export function assertMayActFor(principal: Principal, ownerId: string): void {
  if (hasAnyRole(principal, ['teller', 'admin'])) return;
  if (principal.roles.length === 0 && principal.userId === ownerId) return;
  throw new ForbiddenException('You may not act on this account.');
}

/** For commands on an existing account; an unopened one is left to the decider (404). */
export function assertMayActOn(principal: Principal, state: AccountState): void {
  if (state.status !== 'unopened') assertMayActFor(principal, state.ownerId);
}
