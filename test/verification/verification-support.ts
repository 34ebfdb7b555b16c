// Shared set-up for the verification tests (fraud marks, spot checks): complete Jining years
// recorded by the bureau (each activity a recorded declaration), the operations, and the
// eligibility question as the person's title application asks it.
import { chinaToday } from '../../server/platform/clock';
import type { TenantFixture } from '../support/fixtures';
import type { TestApp } from '../support/harness';
import { DECLARATION_FIELDS, ok, RECORD } from '../declarations/declarations-support';

export const MARK = `mutation($id: ID!, $r: String!) { markDeclarationFraudulent(id: $id, reason: $r) {
  declaration { ${DECLARATION_FIELDS} revocationReason revokedAt } hoursWithdrawn certificationRevoked
  integrityRecord { id professionalId declarationId from until reason } } }`;
export const ELIGIBILITY = `query($id: String!, $l: TitleLevel!, $y: Int!, $f: String) { titleEligibility(idNumber: $id, targetLevel: $l, applicationYear: $y, filedOn: $f) {
  eligible reasons integrityRecord { from until reason } years { year status reason certified } } }`;
export const DRAW = `mutation($i: DrawSpotCheckInput!) { drawSpotCheck(input: $i) {
  id year percentage seed departmentIds population itemCount pending passed failed
  departments { departmentId departmentName population drawn } } }`;
export const CHECK = `query($id: ID!, $o: SpotCheckOutcome, $first: Int, $after: String) { spotCheck(id: $id) { id itemCount pending passed failed
  items(outcome: $o, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    nodes { id departmentId position declarationId outcome reason declaration { id status revocationReason } } } } }`;
export const OUTCOME = `mutation($id: ID!, $p: Boolean!, $r: String) { recordSpotCheckOutcome(itemId: $id, passed: $p, reason: $r) {
  id outcome reason decidedAt declaration { id status revocationReason } } }`;

/** Today in China and the year it is in: eligibility is judged on it when no filing date is given. */
export const TODAY = chinaToday();
export const THIS_YEAR = Number(TODAY.slice(0, 4));

/** A date `years` years after `date` and `days` days (ISO dates, UTC arithmetic: no time zone involved). */
export function shift(date: string, years: number, days = 0): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The bureau records an activity for a person (a recorded declaration); its id. */
export async function recorded(app: TestApp, t: TenantFixture, professionalId: string, year: number, kind: string, params: object, date = `${year}-01-10`): Promise<string> {
  return ok<{ id: string }>(await app.gql(RECORD, { i: { professionalId, year, date, kind, params } }, t.accounts.bureau.token), 'recordActivity').id;
}

/**
 * A complete Jining year (公需 20 compulsory + 10 elective, 专业 60 in two courses of 30);
 * the ids of the declarations, the professional courses last.
 */
export async function completeJiningYear(app: TestApp, t: TenantFixture, professionalId: string, year: number): Promise<string[]> {
  return [
    await recorded(app, t, professionalId, year, 'publicCompulsory', { series: 'xiThought', hours: 20 }),
    await recorded(app, t, professionalId, year, 'publicElective', { hours: 10 }),
    await recorded(app, t, professionalId, year, 'professionalCourse', { hours: 30 }),
    await recorded(app, t, professionalId, year, 'professionalCourse', { hours: 30 }),
  ];
}

/** Gives a person a current title obtained on a date (the years checked for a title are those after it). */
export async function titleObtained(app: TestApp, t: TenantFixture, professionalId: string, obtainedOn: string): Promise<void> {
  const bureau = t.accounts.bureau.token;
  const { version } = (await app.gql(`query($id: ID!) { professional(id: $id) { version } }`, { id: professionalId }, bureau)).data.professional;
  ok(
    await app.gql(`mutation($i: RecordTitleInput!) { recordTitle(input: $i) { id } }`, {
      i: { professionalId, version, level: 'INTERMEDIATE', series: 'HEALTH', obtainedOn, issuingBody: '济宁市人力资源和社会保障局' },
    }, bureau),
    'recordTitle',
  );
}

export interface Eligibility {
  eligible: boolean;
  reasons: string[];
  integrityRecord: { from: string; until: string; reason: string | null } | null;
  years: { year: number; status: string; reason: string; certified: boolean }[];
}

/** Eligibility for deputy senior (inline application) as the bureau asks it. */
export async function eligibility(app: TestApp, t: TenantFixture, idNumber: string, year: number, filedOn: string | null = null): Promise<Eligibility> {
  return ok<Eligibility>(await app.gql(ELIGIBILITY, { id: idNumber, l: 'DEPUTY_SENIOR', y: year, f: filedOn }, t.accounts.bureau.token), 'titleEligibility');
}
