export const ROLES = ['teller', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified JWT. A principal with no role is a customer. */
export interface Principal {
  /** JWT `sub`: the user id. */
  userId: string;
  tenantId: string;
  roles: Role[];
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}
