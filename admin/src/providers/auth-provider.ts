// Sign-in, sign-out and who may do what. An expired or refused session sends the
// user to the sign-in page; react-admin keeps the page they were on and returns
// to it after signing in again.
import type { AuthProvider } from 'ra-core';
import type { ConsolePage, ConsoleResource } from '../console';
import { ApiError, gql } from './graphql';
import { clearSession, readSession, type Role, type Session, writeSession } from './session';

export interface Credentials {
  tenantCode?: string;
  username: string;
  password: string;
  operator?: boolean;
}

const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { token expiresAt } }`;
const OPERATOR_SIGN_IN = `mutation OperatorSignIn($input: OperatorSignInInput!) { operatorSignIn(input: $input) { token expiresAt } }`;
const ME = `query Me { me { kind label displayName role tenant { code name } organisation { id name } professional { id } } }`;

interface MeData {
  me: {
    kind: 'ACCOUNT' | 'OPERATOR' | 'API_CLIENT';
    label: string;
    displayName: string | null;
    role: Role | null;
    tenant: { code: string; name: string } | null;
    organisation: { id: string; name: string } | null;
    professional: { id: string } | null;
  };
}

export function createAuthProvider(resources: readonly ConsoleResource[], pages: readonly ConsolePage[]): AuthProvider {
  const byName = new Map(resources.map((r) => [r.name, r]));
  const pageRoles = new Map(pages.map((p) => [p.name, p.roles]));
  return {
    async login({ tenantCode, username, password, operator }: Credentials) {
      const result = operator
        ? await gql<{ operatorSignIn: { token: string; expiresAt: string } }>(OPERATOR_SIGN_IN, { input: { username, password } }, { token: null }).then((d) => d.operatorSignIn)
        : await gql<{ signIn: { token: string; expiresAt: string } }>(SIGN_IN, { input: { tenantCode: tenantCode?.trim() ?? '', username: username.trim(), password } }, { token: null }).then((d) => d.signIn);
      const { me } = await gql<MeData>(ME, {}, { token: result.token });
      const session: Session = {
        token: result.token,
        expiresAt: result.expiresAt,
        role: me.kind === 'OPERATOR' ? 'OPERATOR' : (me.role ?? 'PROFESSIONAL'),
        // the account's own name (a unit's 经办人, a professional's name); the actor label for the operator
        label: me.displayName ?? me.label,
        tenantCode: me.tenant?.code ?? null,
        tenantName: me.tenant?.name ?? null,
        organisationId: me.organisation?.id ?? null,
        organisationName: me.organisation?.name ?? null,
        professionalId: me.professional?.id ?? null,
      };
      writeSession(session);
    },
    async logout() {
      clearSession();
    },
    async checkAuth() {
      if (!readSession()) throw new Error('ra.auth.auth_check_error');
    },
    async checkError(error: unknown) {
      if (error instanceof ApiError && error.status === 401) {
        clearSession();
        throw new Error('ra.notification.logged_out');
      }
    },
    async getIdentity() {
      const session = readSession();
      if (!session) throw new Error('ra.auth.auth_check_error');
      const where = [session.tenantName, session.organisationName].filter(Boolean).join(' · ');
      return { id: session.label, fullName: where ? `${session.label}（${where}）` : session.label };
    },
    async getPermissions() {
      return readSession()?.role ?? null;
    },
    async canAccess({ resource, action }) {
      const role = readSession()?.role;
      if (!role) return false;
      const pageRolesFor = pageRoles.get(resource);
      if (pageRolesFor) return pageRolesFor.includes(role);
      const roles = byName.get(resource)?.access[action];
      return !!roles?.includes(role);
    },
  };
}
