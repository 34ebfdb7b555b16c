// Access checks every service starts with. Role checks here; record checks
// (is this row in the actor's scope?) in the services, next to the lookup.
import type { AccountActor, AccountRole, Actor } from './actor';
import { isOfficial, pathInScope, scopeOf } from './actor';
import type { Context } from './context';
import { commonError } from './errors';

export function requireTenant(ctx: Context): string {
  if (!ctx.tenantId) throw commonError(ctx.actor.kind === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'TENANT_REQUIRED');
  return ctx.tenantId;
}

export function requireAccount(ctx: Context): AccountActor {
  if (ctx.actor.kind !== 'ACCOUNT') throw commonError(ctx.actor.kind === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  return ctx.actor;
}

export function requireOfficial(ctx: Context, roles?: AccountRole[]): AccountActor {
  const actor = requireAccount(ctx);
  if (!isOfficial(actor) || (roles && !roles.includes(actor.role))) throw commonError('FORBIDDEN');
  return actor;
}

export function requireOperator(ctx: Context): Extract<Actor, { kind: 'OPERATOR' }> {
  if (ctx.actor.kind !== 'OPERATOR') throw commonError(ctx.actor.kind === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  return ctx.actor;
}

/** May the actor see this organisation node? A professional sees their own unit. */
export function canSeeOrganisation(actor: Actor, path: string): boolean {
  if (actor.kind !== 'ACCOUNT') return false;
  if (actor.role === 'PROFESSIONAL') return path === actor.orgPath;
  return pathInScope(scopeOf(actor), path);
}

/** May the actor see this professional (full record, unmasked ID number)? */
export function canSeeProfessional(actor: Actor, p: { id: string; unitPath: string }): boolean {
  const scope = scopeOf(actor);
  if (scope.kind === 'SELF') return scope.professionalId === p.id;
  return pathInScope(scope, p.unitPath);
}
