// The schema's enums for people, as react-admin choices whose names are message
// keys (SelectInput / SelectField translate them). Shared by staff and shortfalls.
export const TITLE_LEVELS = ['NONE', 'JUNIOR', 'ASSISTANT', 'INTERMEDIATE', 'DEPUTY_SENIOR', 'SENIOR'] as const;
export const TITLE_SERIES = [
  'ENGINEERING',
  'HEALTH',
  'SCHOOL_TEACHING',
  'HIGHER_EDUCATION',
  'ACCOUNTING',
  'ECONOMICS',
  'AGRICULTURE',
  'STATISTICS',
  'AUDITING',
  'LAW',
  'JOURNALISM',
  'ARTS',
  'SOCIAL_WORK',
  'OTHER',
] as const;
export const STATUSES = ['ACTIVE', 'LEFT', 'RETIRED', 'MOVED_OUT'] as const;
/** What an official may set: MOVED_OUT comes only from a move to another city (read-only then). */
export const EDITABLE_STATUSES = ['ACTIVE', 'LEFT', 'RETIRED'] as const;
export const GENDERS = ['MALE', 'FEMALE'] as const;

const choicesOf = (group: string, values: readonly string[]) => values.map((id) => ({ id, name: `resources.professionals.enums.${group}.${id}` }));

export const titleLevelChoices = choicesOf('titleLevel', TITLE_LEVELS);
export const titleSeriesChoices = choicesOf('titleSeries', TITLE_SERIES);
export const statusChoices = choicesOf('status', STATUSES);
export const editableStatusChoices = choicesOf('status', EDITABLE_STATUSES);
export const genderChoices = choicesOf('gender', GENDERS);

/** The years an official usually looks at: this year and the four before it. */
export function recentYears(count = 5): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: count }, (_, i) => now - i);
}
