// Which accounts an official may create or reset (the API enforces the same).
import type { Role } from '../providers/session';

export const RANK: Record<string, number> = { BUREAU_OFFICIAL: 3, DEPARTMENT_OFFICIAL: 2, UNIT_OFFICIAL: 1, PROFESSIONAL: 0 };

export const MAY_CREATE: Partial<Record<Role, string[]>> = {
  BUREAU_OFFICIAL: ['BUREAU_OFFICIAL', 'DEPARTMENT_OFFICIAL', 'UNIT_OFFICIAL'],
  DEPARTMENT_OFFICIAL: ['DEPARTMENT_OFFICIAL', 'UNIT_OFFICIAL'],
};

export const KIND_OF_ROLE: Record<string, string> = { BUREAU_OFFICIAL: 'BUREAU', DEPARTMENT_OFFICIAL: 'DEPARTMENT', UNIT_OFFICIAL: 'UNIT' };

export const roleChoices = (roles: readonly string[]) => roles.map((id) => ({ id, name: `resources.accounts.roles.${id}` }));
export const statusChoices = ['PENDING', 'ACTIVE', 'DISABLED'].map((id) => ({ id, name: `resources.accounts.statuses.${id}` }));
