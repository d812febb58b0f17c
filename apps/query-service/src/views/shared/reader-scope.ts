import { ROLES, hasAnyRole, type Principal } from '@ledgerline/platform';

/**
 * What a caller may read, applied as a filter inside every view query so nothing outside it is
 * ever loaded: always one tenant; for a customer (a principal with no role) only the accounts
 * they own. Tellers, auditors and admins read the whole tenant.
 */
export interface ReaderScope {
  readonly tenantId: string;
  /** Set for customers: the only owner whose accounts they may see. */
  readonly ownerId: string | null;
}

export function readerScopeOf(principal: Principal): ReaderScope {
  return {
    tenantId: principal.tenantId,
    ownerId: hasAnyRole(principal, ROLES) ? null : principal.userId,
  };
}

/** May this reader see `ownerId`'s accounts at all? */
export function mayReadOwner(scope: ReaderScope, ownerId: string): boolean {
  return scope.ownerId === null || scope.ownerId === ownerId;
}
