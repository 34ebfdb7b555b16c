// What sign-up shows without signing in, for one active tenant named by code, under its
// row-level security: the units a professional may choose (and the bureau and departments an
// organisation may apply under) — id, name, kind and the names above it, nothing else — and
// an application's progress, read with its receipt only (an unguessable secret the applicant
// alone holds; nothing is answered by ID number or name, so nothing leaks to anyone else).
import type { Context } from '../platform/context';
import { type Connection, decodeCursor, type PageRequest, toConnection } from '../platform/pagination';
import { isUuid } from '../platform/uuid';
import type { OrgKind } from '../organisations/organisations.types';
import type { TenantsService } from '../tenants/tenants.service';
import type { DirectoryRepository } from './directory.repository';
import type { OrgApplicationsRepository } from './org-applications.repository';
import { progressOf as applicationProgress } from './org-applications.service';
import type { ProfessionalRegistrationsRepository } from './professional-registrations.repository';
import { progressOf as registrationProgress } from './professional-registrations.service';
import { receiptHash } from './receipts';
import { registrationError } from './registrations.errors';
import type { RegistrationOrganisation, RegistrationProgress } from './registrations.types';
import { bindTenant } from './sign-up-guard';

const UNIT_KINDS: readonly OrgKind[] = ['UNIT'];
const PARENT_KINDS: readonly OrgKind[] = ['BUREAU', 'DEPARTMENT'];
/** A directory's totalCount stops here: it is browsed and searched, not counted. */
export const DIRECTORY_COUNT_LIMIT = 1000;

export class RegistrationDirectoryService {
  constructor(
    private readonly tenants: TenantsService,
    private readonly directory: DirectoryRepository,
    private readonly registrations: ProfessionalRegistrationsRepository,
    private readonly applications: OrgApplicationsRepository,
  ) {}

  /** The tenant's units whose name contains `name`, by name. */
  units(ctx: Context, tenantCode: string, name: string | null, page: PageRequest): Promise<Connection<RegistrationOrganisation>> {
    return this.page(ctx, tenantCode, UNIT_KINDS, name, page);
  }

  /** The bureau and departments an organisation may apply under, by name. */
  parents(ctx: Context, tenantCode: string, name: string | null, page: PageRequest): Promise<Connection<RegistrationOrganisation>> {
    return this.page(ctx, tenantCode, PARENT_KINDS, name, page);
  }

  /** The progress of the application the receipt names; REGISTRATION_RECEIPT_UNKNOWN when none. */
  async progress(ctx: Context, tenantCode: string, receipt: string): Promise<RegistrationProgress> {
    await bindTenant(ctx, this.tenants, tenantCode);
    const hash = receiptHash(receipt);
    if (!hash) throw registrationError('REGISTRATION_RECEIPT_UNKNOWN', 'receipt');
    const em = await ctx.db();
    const registration = await this.registrations.findByReceipt(em, hash);
    if (registration) return registrationProgress(registration);
    const application = await this.applications.findByReceipt(em, hash);
    if (application) return applicationProgress(application);
    throw registrationError('REGISTRATION_RECEIPT_UNKNOWN', 'receipt');
  }

  private async page(ctx: Context, tenantCode: string, kinds: readonly OrgKind[], name: string | null, page: PageRequest): Promise<Connection<RegistrationOrganisation>> {
    await bindTenant(ctx, this.tenants, tenantCode);
    const after = decodeCursor(page.after, 2, ([, id]) => isUuid(id!));
    const em = await ctx.db();
    const text = name?.trim() || null;
    const rows = await this.directory.findPage(em, kinds, text, after, page.first + 1);
    const above = await this.directory.ancestorNames(em, rows.slice(0, page.first));
    const nodes = rows.map((n) => ({ id: n.id, name: n.name, kind: n.kind, pathNames: above.get(n.id) ?? [] }));
    const count = async () => Math.min(DIRECTORY_COUNT_LIMIT, await this.directory.count(em, kinds, text, DIRECTORY_COUNT_LIMIT));
    return toConnection(nodes, page, (n) => [n.name, n.id], count);
  }
}
