import { ForbiddenException } from '@nestjs/common';
import type { AccountCommand, AccountState } from '@ledgerline/accounts-domain';
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

/**
 * The accounts' access rule, as the generic command path applies it to the loaded state: an
 * existing account's owner, and for opening also the owner named in the command. An unopened
 * account is otherwise left to the decider (404).
 */
export function assertMayActOn(
  principal: Principal,
  state: AccountState,
  command: AccountCommand,
): void {
  if (state.status !== 'unopened') assertMayActFor(principal, state.ownerId);
  if (command.type === 'OpenAccount') assertMayActFor(principal, command.data.ownerId);
}
