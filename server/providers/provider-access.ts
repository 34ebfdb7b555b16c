// Who files and reports training, and who may read it. A provider is an API client with the
// training:report scope; the platform's own online courses are a provider too, reported by the
// bureau (or the course system acting with a bureau account) and recorded with source PLATFORM.
// Officials of the bureau read every provider's projects; a provider reads only its own.
import { commonError } from '../platform/errors';
import type { Context } from '../platform/context';
import { ApiScope } from '../api-clients/api-clients.types';
import { providerError } from './providers.errors';
import type { ProjectFilter } from './providers.repository';
import type { TrainingSource } from './providers.types';

/** The provider a write is made for, and who made it. */
export interface Reporter {
  source: TrainingSource;
  /** The API client; null for the platform's own courses. */
  clientId: string | null;
  /** The API client or the bureau account (recorded_by, filed_by). */
  actorId: string;
}

export function requireReporter(ctx: Context): Reporter {
  const a = ctx.actor;
  if (a.kind === 'API_CLIENT') {
    if (!a.scopes.includes(ApiScope.TRAINING_REPORT)) throw providerError('PROVIDER_SCOPE_REQUIRED');
    return { source: 'PROVIDER', clientId: a.id, actorId: a.id };
  }
  if (a.kind === 'ACCOUNT' && a.role === 'BUREAU_OFFICIAL') return { source: 'PLATFORM', clientId: null, actorId: a.id };
  if (a.kind === 'ANONYMOUS') throw commonError('UNAUTHENTICATED');
  throw providerError('PROVIDER_ONLY');
}

/**
 * The part of the tenant's projects the caller reads: a provider its own (whatever it asks),
 * the bureau every provider's (or the one it names). Anyone else is refused.
 */
export function readableProjects(ctx: Context, asked: Pick<ProjectFilter, 'providerClientId'> = {}): Pick<ProjectFilter, 'providerClientId'> {
  const a = ctx.actor;
  if (a.kind === 'API_CLIENT') {
    if (!a.scopes.includes(ApiScope.TRAINING_REPORT)) throw providerError('PROVIDER_SCOPE_REQUIRED');
    return { providerClientId: a.id };
  }
  if (a.kind === 'ACCOUNT' && a.role === 'BUREAU_OFFICIAL') return asked.providerClientId ? { providerClientId: asked.providerClientId } : {};
  if (a.kind === 'ANONYMOUS') throw commonError('UNAUTHENTICATED');
  throw commonError('FORBIDDEN');
}

/** May the caller (already a reader) see this project? */
export function canReadProject(ctx: Context, project: { providerId: string | null }): boolean {
  const a = ctx.actor;
  if (a.kind === 'API_CLIENT') return project.providerId === a.id;
  return a.kind === 'ACCOUNT' && a.role === 'BUREAU_OFFICIAL';
}

/** May the reporter report completions of this project? (Its own; the platform its courses.) */
export function canReportTo(who: Reporter, project: { providerId: string | null; source: TrainingSource }): boolean {
  return project.source === who.source && project.providerId === who.clientId;
}
