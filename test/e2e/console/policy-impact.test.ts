// The bureau changes a cap in the policy editor (tenant binzhou), previews the
// impact, publishes, and finds the publication in the audit log. The preview's
// counts are checked twice over, independently of the console: against the
// same policyImpact query through the API, and against every binzhou
// professional's completionStatus read before and after the publication.
import type { Page } from 'playwright-core';
import { api, type ConsoleBrowser, launchBrowser, shot, signInAs, tokenOf } from './support/browser';

const TENANT = 'binzhou';
const KIND = 'professionalTraining';
const CAP = 50;
// last year: a whole year of demo activities (the current one is still under way)
const YEAR = new Date().getFullYear() - 1;

interface Verdict {
  status: string;
  pub: number;
  pro: number;
}

// signing in, a preview, a publication and every person's status twice: slower than most
jest.setTimeout(180_000);

let browser: ConsoleBrowser;
let token: string;
beforeAll(async () => {
  browser = await launchBrowser();
  token = await tokenOf(TENANT, 'BUREAU_OFFICIAL');
});
afterAll(async () => {
  await browser?.close();
});

async function activeIdNumbers(): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const d: { professionals: { nodes: { idNumber: string; status: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } = await api(
      `query($after: String) { professionals(first: 100, after: $after) { nodes { idNumber status } pageInfo { endCursor hasNextPage } } }`,
      { after },
      token,
    );
    out.push(...d.professionals.nodes.filter((p) => p.status === 'ACTIVE').map((p) => p.idNumber));
    if (!d.professionals.pageInfo.hasNextPage) return out;
    after = d.professionals.pageInfo.endCursor;
  }
}

/** Each person's verdict and credited hours for YEAR, as completionStatus answers them. */
async function verdicts(idNumbers: string[]): Promise<Map<string, Verdict>> {
  const out = new Map<string, Verdict>();
  const one = async (idNumber: string) => {
    const d = await api<{ completionStatus: { evaluation: { status: string; public: { credited: number }; professional: { credited: number } } } }>(
      `query($year: Int!, $id: String!) { completionStatus(year: $year, idNumber: $id) { evaluation { status public { credited } professional { credited } } } }`,
      { year: YEAR, id: idNumber },
      token,
    );
    const e = d.completionStatus.evaluation;
    out.set(idNumber, { status: e.status, pub: e.public.credited, pro: e.professional.credited });
  };
  // a few at a time: the machine is shared
  for (let i = 0; i < idNumbers.length; i += 5) await Promise.all(idNumbers.slice(i, i + 5).map(one));
  return out;
}

/** Waits until `check` holds (the list re-renders after its filter changes). */
async function until(check: () => Promise<boolean>, timeoutMs = 15000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const number = async (page: Page, testId: string) => Number(await page.getByTestId(testId).textContent());

describe('policy impact preview and publication', () => {
  it('a lower yearly cap: the preview counts the people whose verdict changes, publishing applies it, the audit log shows it', async () => {
    // what the console should find, through the API
    const { policy } = await api<{ policy: { revision: number; version: { kinds: Record<string, { caps?: { perYear?: number } }> } } }>(
      `query($year: Int!) { policy(year: $year) { revision version } }`,
      { year: YEAR },
      token,
    );
    expect(policy.version.kinds[KIND]).toBeDefined();
    const version = structuredClone(policy.version);
    version.kinds[KIND]!.caps = { ...version.kinds[KIND]!.caps, perYear: CAP };
    const { policyImpact: expected } = await api<{ policyImpact: { changedCount: number; becameComplete: number; becameIncomplete: number; hoursChanged: number; complete: boolean } }>(
      `query($input: PublishPolicyVersionInput!, $year: Int!) { policyImpact(input: $input, year: $year) { changedCount becameComplete becameIncomplete hoursChanged complete } }`,
      { input: { version, expectedRevision: policy.revision }, year: YEAR },
      token,
    );
    expect(expected.complete).toBe(true);
    const people = await activeIdNumbers();
    const before = await verdicts(people);

    const page = await browser.newPage();
    await signInAs(page, TENANT, 'BUREAU_OFFICIAL');
    await page.goto('/admin/#/policy');
    await page.getByTestId('policy-summary').waitFor();
    await page.getByTestId('policy-year').getByRole('combobox').click();
    await page.getByRole('option', { name: String(YEAR), exact: true }).click();
    await page.getByTestId('policy-tab-edit').click();
    const cap = page.locator(`input[name="kinds.${KIND}.caps.perYear"]`);
    await cap.fill(String(CAP));
    const note = `专业科目培训年度上限 ${CAP} 学时（测试 ${Date.now()}）`;
    await page.locator('textarea[name="note"]').fill(note);
    // publishing waits for a preview of this very draft
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);
    await page.getByTestId('preview-impact').click();
    await page.getByTestId('impact-preview').waitFor();

    const shown = {
      changedCount: await number(page, 'impact-changed'),
      becameComplete: await number(page, 'impact-became-complete'),
      becameIncomplete: await number(page, 'impact-became-incomplete'),
      hoursChanged: await number(page, 'impact-hours-changed'),
    };
    expect(shown).toEqual({ changedCount: expected.changedCount, becameComplete: expected.becameComplete, becameIncomplete: expected.becameIncomplete, hoursChanged: expected.hoursChanged });
    expect(shown.becameIncomplete).toBeGreaterThan(0);
    expect(await page.getByTestId('impact-people').locator('tbody tr').count()).toBe(Math.min(shown.changedCount, 100));
    await shot(page, __filename, 'impact-preview');

    await page.getByTestId('publish').click();
    const confirm = page.getByRole('dialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(`${shown.becameIncomplete} 人由完成变为未完成`);
    await shot(page, __filename, 'publish-confirm');
    await confirm.getByRole('button', { name: '发布' }).click();
    await page.getByText(`已发布第 ${policy.revision + 1} 次修订`).waitFor();
    await page.getByTestId('policy-revision').filter({ hasText: String(policy.revision + 1) }).waitFor();
    expect(await page.getByTestId(`cap-${KIND}`).textContent()).toBe(String(CAP));

    // the same count, derived from the data: everyone's verdict before and after
    const after = await verdicts(people);
    const verdictChanged = people.filter((id) => before.get(id)!.status !== after.get(id)!.status).length;
    const becameIncomplete = people.filter((id) => before.get(id)!.status === 'COMPLETE' && after.get(id)!.status === 'INCOMPLETE').length;
    const anyChange = people.filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id))).length;
    expect(shown.becameIncomplete).toBe(becameIncomplete);
    expect(shown.becameComplete + shown.becameIncomplete).toBe(verdictChanged);
    expect(shown.changedCount).toBe(anyChange);

    // the publication in the audit log, filtered by its action
    await page.goto('/admin/#/auditEvents');
    const action = page.getByRole('combobox', { name: '动作' });
    await action.click();
    await action.fill('发布政策');
    await page.getByRole('option', { name: /发布政策/ }).click();
    await page.waitForURL(/policy\.publish/);
    const rows = page.locator('tbody tr');
    // the filtered page replaces the unfiltered one: every row is a publication
    await until(async () => {
      // (an expandable row has an empty detail row after it)
      const texts = (await rows.allTextContents()).filter((t) => t.trim() !== '');
      return texts.length > 0 && texts.every((t) => t.includes('发布政策'));
    }).catch(async (error: unknown) => {
      await shot(page, __filename, 'audit-log-failed');
      throw new Error(`${String(error)}: ${JSON.stringify(await rows.allTextContents())}`);
    });
    await rows.first().click();
    const change = page.getByTestId('audit-change');
    await change.waitFor();
    await change.getByText(note).waitFor(); // visible: the row has finished opening
    expect(await change.textContent()).toContain(String(policy.revision + 1));
    await shot(page, __filename, 'audit-log');
  });

  it('a stale revision is refused with REVISION_CONFLICT, shown in the editor', async () => {
    const page = await browser.newPage({ width: 768, height: 1100 });
    await signInAs(page, TENANT, 'BUREAU_OFFICIAL');
    await page.goto('/admin/#/policy');
    await page.getByTestId('policy-summary').waitFor();
    await page.getByTestId('policy-tab-edit').click();
    await page.locator('input[name="requirement.PUBLIC"]').waitFor();
    // someone else publishes meanwhile (through the API)
    const { policy } = await api<{ policy: { revision: number } }>(`query($year: Int!) { policy(year: $year) { revision } }`, { year: YEAR }, token);
    await api(`mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { revision } }`, { input: { deadline: { monthDay: '12-31', source: '004 三、(一)' }, note: '他人同时发布', expectedRevision: policy.revision } }, token);
    await page.locator(`input[name="kinds.${KIND}.caps.lifetime"]`).fill('500');
    await page.getByTestId('preview-impact').click();
    // the preview runs publishPolicyVersion's own checks, so the conflict shows before publishing
    const conflict = page.getByTestId('revision-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('他人');
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);
    await shot(page, __filename, 'revision-conflict-tablet');
  });
});
