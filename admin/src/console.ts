// What a resource folder and a page bring to the console. Each resource folder's
// index.ts exports one ConsoleResource; admin/src/resources.ts is the only list.
import type { ComponentType, ReactElement } from 'react';
import type { ResourceData } from './providers/data-provider';
import type { Role } from './providers/session';

export type Action = 'list' | 'show' | 'create' | 'edit' | 'delete' | string;

export interface ConsoleResource {
  /** the react-admin resource name, the folder's name */
  name: string;
  icon: ComponentType;
  list?: ComponentType;
  show?: ComponentType;
  edit?: ComponentType;
  create?: ComponentType;
  data: ResourceData;
  /** who may do what; an action no role lists is refused to all */
  access: Readonly<Partial<Record<Action, readonly Role[]>>>;
  recordRepresentation?: string | ((record: Record<string, unknown>) => string);
}

/** A page that is not a list of records (my hours, the calculator, the policy, statistics). */
export interface ConsolePage {
  name: string;
  path: string;
  element: ReactElement;
  icon: ComponentType;
  roles: readonly Role[];
  /** shown in the menu (a page reached only from another page is not) */
  menu: boolean;
}

/** A page anyone may open without signing in (the sign-ups and their progress), outside the layout. */
export interface PublicPage {
  name: string;
  path: string;
  element: ReactElement;
}

export const OFFICIALS: readonly Role[] = ['BUREAU_OFFICIAL', 'DEPARTMENT_OFFICIAL', 'UNIT_OFFICIAL'];
export const BUREAU: readonly Role[] = ['BUREAU_OFFICIAL'];
export const PROFESSIONAL: readonly Role[] = ['PROFESSIONAL'];
export const OPERATOR: readonly Role[] = ['OPERATOR'];
