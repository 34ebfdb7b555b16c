// Demo life (first start only, after the demo tenants are seeded): a living system made by
// using the product's own API, as its users would — so every row is one the product itself
// wrote (review chain, decisions, audit, hours). Per tenant: the signed-in professional's
// declarations in every state (draft; waiting at the unit, the department and the bureau;
// recorded; adjusted; rejected with a reason; withdrawn), a unit official's filing for a
// colleague that the bureau then marks fraudulent (an integrity record), a training provider
// with a project and a completion report, and a spot check with one outcome. A step the
// tenant's policy refuses is logged and skipped: the demo is never the reason a start fails.
import type { DataSource } from 'typeorm';
import type { Logger } from '../platform/logger';
import { DECLARABLE, PROVIDER_COURSE } from './demo-life-recipes';

/** The running product: its address, and a token for an account (as sign-in would issue). */
export interface DemoApi {
  url: string;
  tokenFor(accountId: string, tenantId: string): Promise<string>;
}

type Auth = string | { apiKey: string };
interface Declared {
  id: string;
  status: string;
  currentLevel: string | null;
}

class StepFailed extends Error {}

const FIELDS = 'id status currentLevel version';

/** `like` names the demo tenant whose recipes a tenant follows (itself by default; a test's tenant under a code of its own). */
export async function seedDemoLife(owner: DataSource, api: DemoApi, codes: readonly string[], logger: Logger, today: string, like?: string): Promise<void> {
  for (const code of codes) {
    try {
      await new TenantLife(owner, api, code, logger, today, like ?? code).live();
    } catch (error) {
      logger.warn({ tenant: code, err: error instanceof Error ? error.message : String(error) }, 'demo life left incomplete');
    }
  }
}

class TenantLife {
  private tenantId = '';
  private tokens: Record<'bureau' | 'department' | 'unit' | 'professional', string> = { bureau: '', department: '', unit: '', professional: '' };
  private serial = 0;
  private readonly year: number;

  constructor(
    private readonly owner: DataSource,
    private readonly api: DemoApi,
    private readonly code: string,
    private readonly logger: Logger,
    private readonly today: string,
    private readonly recipes: string,
  ) {
    // early in a year there is little of it behind us: the demo's dates fall in the last one
    this.year = today.slice(5) >= '03-01' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
  }

  async live(): Promise<void> {
    await this.signIn();
    const recipe = DECLARABLE[this.recipes];
    if (!recipe) return;
    await this.step('draft', () => this.declare(false));
    await this.step('waiting at the unit', () => this.declare(true));
    await this.step('waiting at the department', async () => this.approveUpTo(await this.declare(true), 'DEPARTMENT'));
    await this.step('waiting at the bureau', async () => this.approveUpTo(await this.declare(true), 'BUREAU'));
    await this.step('recorded', async () => this.approveUpTo(await this.declare(true), null));
    await this.step('adjusted', async () => {
      const d = await this.declare(true);
      const adjusted = await this.call<{ adjustDeclaration: Declared }>(
        this.tokens.unit,
        `mutation($id: ID!) { adjustDeclaration(id: $id, publicHours: 0, professionalHours: 6, reason: "结业证书载明的学时为6学时") { ${FIELDS} } }`,
        { id: d.id },
      );
      await this.approveUpTo(adjusted.adjustDeclaration, null);
    });
    await this.step('rejected', async () => {
      const d = await this.declare(true);
      await this.call<unknown>(this.tokens.unit, `mutation($id: ID!) { rejectDeclaration(id: $id, reason: "证书照片不清晰，请重新上传") { ${FIELDS} } }`, { id: d.id });
    });
    await this.step('withdrawn', async () => {
      const d = await this.declare(true);
      await this.call<unknown>(this.tokens.professional, `mutation($id: ID!) { withdrawDeclaration(id: $id) { ${FIELDS} } }`, { id: d.id });
    });
    await this.step('fraud mark', () => this.fraud());
    await this.step('provider', () => this.provider());
    await this.step('spot check', () => this.spotCheck());
  }

  private async signIn(): Promise<void> {
    const [tenant] = await this.owner.query<{ id: string }[]>(`SELECT id FROM tenant WHERE code = $1`, [this.code]);
    if (!tenant) throw new StepFailed('no such tenant');
    this.tenantId = tenant.id;
    const accounts: { id: string; username: string; role: string }[] = await this.owner.query(
      `SELECT id, username, role FROM account WHERE tenant_id = $1 AND status = 'ACTIVE' ORDER BY created_at`,
      [this.tenantId],
    );
    for (const a of accounts) {
      const key = a.role === 'PROFESSIONAL' ? 'professional' : (a.username as keyof typeof this.tokens);
      if (key in this.tokens && !this.tokens[key]) this.tokens[key] = await this.api.tokenFor(a.id, this.tenantId);
    }
  }

  /** A declaration by the signed-in professional, with its own certificate number (counts once). */
  private async declare(submit: boolean): Promise<Declared> {
    const recipe = DECLARABLE[this.recipes]!;
    const n = ++this.serial;
    const input = {
      kind: recipe.kind,
      year: this.year,
      date: `${this.year}-0${1 + (n % 2)}-${String(5 + n).padStart(2, '0')}`,
      params: recipe.params(n),
      evidence: { certificateNo: `DEMO-${this.code.toUpperCase()}-${this.year}-${n}`, issuer: recipe.issuer, issuedOn: `${this.year}-02-${String(10 + n).padStart(2, '0')}` },
      submit,
    };
    const r = await this.call<{ createDeclaration: Declared }>(this.tokens.professional, `mutation($i: CreateDeclarationInput!) { createDeclaration(input: $i) { ${FIELDS} } }`, {
      i: input,
    });
    return r.createDeclaration;
  }

  /** Approves level by level until the declaration waits at `level` (null: until it is recorded). */
  private async approveUpTo(d: Declared, level: string | null): Promise<Declared> {
    const byLevel: Record<string, string> = { UNIT: this.tokens.unit, DEPARTMENT: this.tokens.department, BUREAU: this.tokens.bureau };
    let current = d;
    for (let i = 0; i < 3 && current.status === 'SUBMITTED' && current.currentLevel !== level; i++) {
      const token = current.currentLevel ? byLevel[current.currentLevel] : undefined;
      if (!token) throw new StepFailed(`no demo reviewer at ${String(current.currentLevel)}`);
      const approved = await this.call<{ approveDeclaration: Declared }>(token, `mutation($id: ID!) { approveDeclaration(id: $id, comment: "材料齐全，同意") { ${FIELDS} } }`, {
        id: current.id,
      });
      current = approved.approveDeclaration;
    }
    return current;
  }

  /** The unit official records a colleague's training; once recorded, the bureau finds it false. */
  private async fraud(): Promise<void> {
    const recipe = DECLARABLE[this.recipes]!;
    const [colleague] = await this.colleagues(1);
    if (!colleague) return;
    const n = ++this.serial;
    const r = await this.call<{ recordActivity: Declared }>(
      this.tokens.unit,
      `mutation($i: RecordActivityInput!, $e: EvidenceInput) { recordActivity(input: $i, evidence: $e) { ${FIELDS} } }`,
      {
        i: { professionalId: colleague.id, kind: recipe.kind, year: this.year, date: `${this.year}-02-20`, params: recipe.params(n) },
        e: { certificateNo: `DEMO-${this.code.toUpperCase()}-${this.year}-${n}`, issuer: recipe.issuer },
      },
    );
    const recorded = await this.approveUpTo(r.recordActivity, null);
    await this.call<unknown>(this.tokens.bureau, `mutation($id: ID!) { markDeclarationFraudulent(id: $id, reason: "经核查，培训机构未举办该期培训，证书系伪造") { declaration { id } } }`, {
      id: recorded.id,
    });
  }

  /** A training provider (an API client) files a course and reports who completed it. */
  private async provider(): Promise<void> {
    const course = PROVIDER_COURSE[this.recipes];
    if (!course) return;
    const created = await this.call<{ createApiClient: { apiKey: string } }>(this.tokens.bureau, `mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { apiKey } }`, {
      i: { name: course.provider, scopes: ['TRAINING_REPORT'] },
    });
    const key = { apiKey: created.createApiClient.apiKey };
    const filed = await this.call<{ fileTrainingProject: { id: string } }>(key, `mutation($i: FileTrainingProjectInput!) { fileTrainingProject(input: $i) { id } }`, {
      i: { title: course.title, kind: course.kind, hours: 12, startDate: `${this.year}-01-15`, endDate: `${this.year}-01-16`, audience: '全市专业技术人员', venue: course.venue, params: course.params },
    });
    const people = await this.colleagues(6);
    const rows = people.map((p) => ({ idNumber: p.idNumber, name: p.name, completedOn: `${this.year}-01-16`, hours: 12 }));
    await this.call<unknown>(key, `mutation($p: ID!, $rows: [TrainingCompletionRowInput!]!) { reportTrainingCompletions(projectId: $p, batchKey: "demo-1", rows: $rows) { credited } }`, {
      p: filed.fileTrainingProject.id,
      rows,
    });
  }

  private async spotCheck(): Promise<void> {
    const drawn = await this.call<{ drawSpotCheck: { items: { nodes: { id: string }[] } } }>(this.tokens.bureau, `mutation { drawSpotCheck(input: { year: ${this.year}, percentage: 100, seed: "demo-${this.year}" }) { id items(first: 1) { nodes { id } } } }`);
    const item = drawn.drawSpotCheck.items.nodes[0];
    if (item) await this.call<unknown>(this.tokens.bureau, `mutation($id: ID!) { recordSpotCheckOutcome(itemId: $id, passed: true, reason: "已核对培训签到表") { id } }`, { id: item.id });
  }

  /** Staff of the signed-in professional's unit other than themself (ID numbers stay in memory, never logged). */
  private async colleagues(n: number): Promise<{ id: string; idNumber: string; name: string }[]> {
    return this.owner.query(
      `SELECT p.id, p.id_number AS "idNumber", p.name FROM professional p
        WHERE p.tenant_id = $1 AND p.unit_id = (SELECT o.id FROM account a JOIN org_node o ON o.tenant_id = a.tenant_id AND o.id = a.org_node_id
                                                WHERE a.tenant_id = $1 AND a.username = 'unit')
          AND NOT EXISTS (SELECT 1 FROM account a WHERE a.tenant_id = $1 AND a.professional_id = p.id)
        ORDER BY p.id LIMIT $2`,
      [this.tenantId, n],
    );
  }

  private async step(name: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.logger.warn({ tenant: this.code, step: name, err: error instanceof Error ? error.message : String(error) }, 'demo life step skipped');
    }
  }

  private async call<T>(auth: Auth, query: string, variables: object = {}): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (typeof auth === 'string') headers.authorization = `Bearer ${auth}`;
    else headers['x-api-key'] = auth.apiKey;
    const res = await fetch(`${this.api.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) throw new StepFailed(body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; '));
    return body.data as T;
  }
}
