// Who may see a declaration, and where an official stands in its chain.
import type { ReviewLevel } from '../engine';
import type { AccountActor, AccountRole, Actor } from '../platform/actor';
import { pathInScope, scopeOf } from '../platform/actor';
import type { Declaration } from './declarations.types';

const LEVEL_OF_ROLE: Readonly<Record<AccountRole, ReviewLevel | null>> = {
  UNIT_OFFICIAL: 'UNIT',
  DEPARTMENT_OFFICIAL: 'DEPARTMENT',
  BUREAU_OFFICIAL: 'BUREAU',
  PROFESSIONAL: null,
};

/** The review level an official acts at (their organisation node's), or null for a professional. */
export function levelOf(actor: AccountActor): ReviewLevel | null {
  return LEVEL_OF_ROLE[actor.role];
}

/** Is the official's node the reviewer of their level in this declaration's chain? */
export function isOnChain(actor: AccountActor, d: Pick<Declaration, 'review'>): boolean {
  const level = levelOf(actor);
  return level !== null && d.review[level] === actor.orgNodeId;
}

/**
 * A declaration never submitted is its filer's alone. Otherwise: the person it is about, the
 * reviewers on its chain (whatever their scope: a sector body reviews units it does not
 * supervise), and the officials whose part of the tree holds the person's unit. Another
 * unit, another department, another tenant: nothing.
 */
export function canSeeDeclaration(actor: Actor, d: Declaration): boolean {
  if (actor.kind !== 'ACCOUNT') return false;
  if (d.round === 0) return d.filedBy === actor.id;
  if (actor.role === 'PROFESSIONAL') return actor.professionalId === d.professionalId;
  return isOnChain(actor, d) || pathInScope(scopeOf(actor), d.unitPath);
}
