// Who is asking, and what part of the tenant they may see.
/** The roles an account can hold (the GraphQL enum mirrors these). */
export type AccountRole = 'BUREAU_OFFICIAL' | 'DEPARTMENT_OFFICIAL' | 'UNIT_OFFICIAL' | 'PROFESSIONAL';

export type Actor =
  | { kind: 'ANONYMOUS' }
  | {
      kind: 'ACCOUNT';
      id: string;
      tenantId: string;
      role: AccountRole;
      label: string;
      orgNodeId: string;
      /** path of the account's organisation node: the scope of an official */
      orgPath: string;
      professionalId: string | null;
    }
  | { kind: 'API_CLIENT'; id: string; tenantId: string; label: string; scopes: string[] }
  | { kind: 'OPERATOR'; id: string; label: string }
  /** Work the server does on its own (scheduled jobs such as deadline reminders), in one tenant. */
  | { kind: 'SYSTEM'; label: string };

export type AccountActor = Extract<Actor, { kind: 'ACCOUNT' }>;

/**
 * What an actor may see of the tenant's people and organisation:
 * the whole tenant, an organisation subtree (by path prefix), or one person.
 */
export type Scope =
  | { kind: 'TENANT' }
  | { kind: 'SUBTREE'; path: string }
  | { kind: 'SELF'; professionalId: string }
  | { kind: 'NONE' };

export function scopeOf(actor: Actor): Scope {
  if (actor.kind !== 'ACCOUNT') return { kind: 'NONE' };
  switch (actor.role) {
    case 'BUREAU_OFFICIAL':
      return { kind: 'TENANT' };
    case 'DEPARTMENT_OFFICIAL':
    case 'UNIT_OFFICIAL':
      return { kind: 'SUBTREE', path: actor.orgPath };
    case 'PROFESSIONAL':
      return actor.professionalId ? { kind: 'SELF', professionalId: actor.professionalId } : { kind: 'NONE' };
  }
}

export function isOfficial(actor: Actor): actor is AccountActor {
  return actor.kind === 'ACCOUNT' && actor.role !== 'PROFESSIONAL';
}

/** Is an organisation path inside the actor's official scope? */
export function pathInScope(scope: Scope, path: string): boolean {
  if (scope.kind === 'TENANT') return true;
  if (scope.kind === 'SUBTREE') return path.startsWith(scope.path);
  return false;
}

/** Upper bound of the path range of a subtree: every descendant path sorts below it. */
export function subtreeEnd(path: string): string {
  return path + '~';
}

export function actorLabel(actor: Actor): string {
  return actor.kind === 'ANONYMOUS' ? 'anonymous' : actor.label;
}
