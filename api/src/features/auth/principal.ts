// Who is calling: the tenant and user a validated token names, and their app roles.
export const ADMIN_ROLE = "Invoicing.Admin";

/** The authenticated caller, taken from a validated token. */
export interface Principal {
  tenantId: string;
  userId: string;
  name: string | null;
  /** The user's e-mail address, when the token names one. */
  email?: string | null;
  roles: string[];
}

/** True when the caller may change setup and run syncs. */
export function isAdmin(p: Principal): boolean {
  return p.roles.includes(ADMIN_ROLE);
}
