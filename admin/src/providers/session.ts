// The signed-in session, kept in localStorage so that a reload (or a second tab)
// stays signed in until the token expires.
export type Role = 'BUREAU_OFFICIAL' | 'DEPARTMENT_OFFICIAL' | 'UNIT_OFFICIAL' | 'PROFESSIONAL' | 'OPERATOR';

export interface Session {
  token: string;
  expiresAt: string;
  role: Role;
  label: string;
  tenantCode: string | null;
  tenantName: string | null;
  organisationId: string | null;
  organisationName: string | null;
  professionalId: string | null;
}

const KEY = 'ce.session';

export function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    return new Date(session.expiresAt).getTime() > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function writeSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

const LAST_TENANT = 'ce.lastTenant';

/** The region code last used on this browser (sign-in and sign-up fill it in). */
export function lastTenantCode(): string {
  try {
    return localStorage.getItem(LAST_TENANT) ?? '';
  } catch {
    return '';
  }
}

export function rememberTenantCode(code: string): void {
  localStorage.setItem(LAST_TENANT, code.trim());
}
