// Who may ask about whose hours, and the professional a question names.
// Officials see the people in their scope, professionals themselves, API
// clients with `completion:read` anyone in their tenant.
import { canSeeProfessional } from '../platform/access';
import type { Context } from '../platform/context';
import { commonError, idNumberError } from '../platform/errors';
import { parseIdNumber } from '../platform/id-number';
import { professionalError } from '../professionals/professionals.errors';
import type { ProfileInput } from '../engine';
import { hoursError } from './hours.errors';
import type { HoursRepository, Person } from './hours.repository';

export function requireReader(ctx: Context): void {
  const a = ctx.actor;
  if (a.kind === 'API_CLIENT') {
    if (!a.scopes.includes('completion:read')) throw hoursError('SCOPE_REQUIRED');
    return;
  }
  if (a.kind !== 'ACCOUNT') throw commonError(a.kind === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
}

/** May the caller (already a reader) ask about this person? */
export function canRead(ctx: Context, person: Person): boolean {
  return ctx.actor.kind === 'API_CLIENT' || canSeeProfessional(ctx.actor, person);
}

/** The ID number a completion question names, once the caller is known to be a reader (normalised; refused when invalid). */
export function subjectIdNumber(ctx: Context, idNumber: string): string {
  requireReader(ctx);
  const id = parseIdNumber(idNumber);
  if (!id.ok) throw idNumberError(id.code, 'idNumber');
  return id.value;
}

/** `person` (null: not found) if the caller may ask about them; PROFESSIONAL_NOT_FOUND otherwise, the same answer. */
export function readableSubject<P extends Person>(ctx: Context, person: P | null): P {
  if (!person || !canRead(ctx, person)) throw professionalError('PROFESSIONAL_NOT_FOUND', 'idNumber');
  return person;
}

/** One stored professional by exact ID number, if the caller may ask about them. */
export async function findSubject(ctx: Context, repo: HoursRepository, idNumber: string): Promise<Person> {
  const id = subjectIdNumber(ctx, idNumber);
  return readableSubject(ctx, await repo.findPerson(await ctx.db(), id));
}

/** What the engine knows of a stored person: current title (and when obtained) and the unit's employer type. */
export function profileOf(person: Pick<Person, 'titleLevel' | 'titleSeries' | 'titleObtainedOn' | 'employerType'>): ProfileInput {
  const profile: ProfileInput = { titleLevel: person.titleLevel, titleSeries: person.titleSeries };
  if (person.employerType !== null) profile.employerType = person.employerType;
  if (person.titleObtainedOn !== null) profile.titleObtainedOn = person.titleObtainedOn;
  return profile;
}
