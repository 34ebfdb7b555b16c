// The schema's organisation enums as react-admin choices (names are message keys).
export const EMPLOYER_TYPES = ['GOVERNMENT_AGENCY', 'PUBLIC_INSTITUTION', 'STATE_ENTERPRISE', 'PRIVATE_ENTERPRISE', 'SOCIAL_ORGANISATION', 'OTHER', 'NO_EMPLOYER'] as const;
export const ORG_KINDS = ['BUREAU', 'DEPARTMENT', 'UNIT'] as const;

export const employerTypeChoices = EMPLOYER_TYPES.map((id) => ({ id, name: `resources.organisations.employerTypes.${id}` }));
export const kindChoices = ORG_KINDS.filter((k) => k !== 'BUREAU').map((id) => ({ id, name: `resources.organisations.kinds.${id}` }));

/** Which kind of organisation may sit directly under which (the API enforces it too). */
export const PARENT_KIND: Record<string, string> = { DEPARTMENT: 'BUREAU', UNIT: 'DEPARTMENT' };
export const CHILD_KIND: Record<string, string> = { BUREAU: 'DEPARTMENT', DEPARTMENT: 'UNIT' };
