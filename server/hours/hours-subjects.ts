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

/** One stored professional by exact ID number, if the caller may ask about them. */
export async function findSubject(ctx: Context, repo: HoursRepository, idNumber: string): Promise<Person> {
  requireReader(ctx);
  const id = parseIdNumber(idNumber);
  if (!id.ok) throw idNumberError(id.code, 'idNumber');
  const person = await repo.findPerson(await ctx.db(), id.value);
  if (!person || !canRead(ctx, person)) throw professionalError('PROFESSIONAL_NOT_FOUND', 'idNumber');
  return person;
}

/** What the engine knows of a stored person: current title (and when obtained) and the unit's employer type. */
export function profileOf(person: Pick<Person, 'titleLevel' | 'titleSeries' | 'titleObtainedOn' | 'employerType'>): ProfileInput {
  const profile: ProfileInput = { titleLevel: person.titleLevel, titleSeries: person.titleSeries };
  if (person.employerType !== null) profile.employerType = person.employerType;
  if (person.titleObtainedOn !== null) profile.titleObtainedOn = person.titleObtainedOn;
  return profile;
}
