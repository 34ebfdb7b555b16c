// A rejected declaration in Qingdao, in the console: the unit official rejects
// it (a reason is required) from the queue; the professional reads the reason,
// corrects a parameter and resubmits; the declaration is back in the unit's
// queue as a second round. The official works at tablet width (768 px).
import { api, type ConsoleBrowser, consoleUrl, launchBrowser, shot, signInAs, tokenOf } from './support/browser';
import { minimalPdf, openInQueue } from './support/declarations';

const TENANT = 'qingdao';
const KIND = 'publicCourse';
const KIND_NAME = '公需科目学习（考试合格）';
const REASON = '证书上的学时为 6 学时，与申报的 8 学时不符，请按证书更正后重新提交';

let browser: ConsoleBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The professional's declaration, filled in and submitted through the API with an uploaded PDF. */
async function submittedDeclaration(token: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(minimalPdf('Qingdao public course certificate'))], { type: 'application/pdf' }), 'public-course.pdf');
  const upload = await fetch(`${consoleUrl()}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const file = (await upload.json()) as { id: string };
  expect(upload.status).toBeLessThan(300);
  const d = await api<{ createDeclaration: { id: string; status: string } }>(
    `mutation($input: CreateDeclarationInput!) { createDeclaration(input: $input) { id status } }`,
    { input: { kind: KIND, year: new Date().getFullYear(), params: { hours: 8 }, evidence: { certificateNo: `QD-${Date.now()}`, issuer: '青岛市专业技术人员继续教育基地', fileIds: [file.id] }, submit: true } },
    token,
  );
  expect(d.createDeclaration.status).toBe('SUBMITTED');
  return d.createDeclaration.id;
}

describe('a rejected declaration', () => {
  it('is rejected with a reason, corrected and resubmitted by the professional, and waits in the queue again', async () => {
    const professionalToken = await tokenOf(TENANT, 'PROFESSIONAL');
    const id = await submittedDeclaration(professionalToken);

    // the unit official, on a tablet, rejects it from the queue
    const official = await browser.newPage({ width: 768, height: 1024 });
    await signInAs(official, TENANT, 'UNIT_OFFICIAL');
    await openInQueue(official, id, KIND_NAME);
    // the PDF, or what stands in its place (still loading, or refused): a screenshot says which when it is not the PDF
    const preview = official.locator('[data-testid="evidence-pdf"], [data-testid="evidence-image"], [data-testid="evidence-preview"] .MuiAlert-root');
    await preview.first().waitFor({ timeout: 60000 }).catch(async (error: unknown) => {
      await shot(official, __filename, 'unit-review-tablet-no-evidence');
      throw error;
    });
    await shot(official, __filename, 'unit-review-tablet');
    expect(await official.getByTestId('evidence-pdf').count()).toBe(1);
    await official.getByTestId('reject').click();
    await official.getByTestId('decision-dialog').waitFor();
    // no reason, no rejection
    await official.getByTestId('confirm-decision').click();
    await official.getByText('请填写理由').waitFor();
    await shot(official, __filename, 'reason-required');
    await official.locator('textarea[name="reason"]').fill(REASON);
    await official.getByTestId('confirm-decision').click();
    await official.waitForURL(/#\/reviews(\?|$)/);
    await official.getByText('已退回申报人').waitFor();
    await official.locator('[data-tab="REJECTED"]').click();
    await official.locator(`tr:has([data-declaration="${id}"])`).waitFor();
    await shot(official, __filename, 'unit-rejected-tab');

    // the professional reads the reason, corrects the hours and resubmits
    const page = await browser.newPage();
    await signInAs(page, TENANT, 'PROFESSIONAL');
    await page.goto(`/admin/#/declarations`);
    await page.locator('[data-status="REJECTED"]').first().waitFor();
    await page.goto(`/admin/#/declarations/${encodeURIComponent(id)}/show`);
    await page.getByTestId('rejection-reason').waitFor();
    expect(await page.getByTestId('rejection-reason').textContent()).toContain(REASON);
    expect(await page.locator('[data-decision="REJECTED"]').getByTestId('decision-comment').textContent()).toBe(REASON);
    await shot(page, __filename, 'professional-sees-reason');
    await page.getByTestId('edit-declaration').click();
    await page.waitForURL(/#\/declarations\/[^/]+$/);
    const hours = page.locator('input[name="params.hours"]');
    await hours.waitFor();
    expect(await hours.inputValue()).toBe('8');
    await hours.fill('6');
    await shot(page, __filename, 'professional-corrects');
    await page.getByTestId('save-submit').click();
    await page.waitForURL(/#\/declarations\/[^/]+\/show/);
    await page.locator('[data-status="SUBMITTED"]').first().waitFor();
    await page.locator('[data-param="hours"]', { hasText: '6' }).waitFor();
    await shot(page, __filename, 'professional-resubmitted');

    // back in the unit's queue, as a second round
    await official.goto('/admin/#/reviews');
    await official.locator('[data-tab="WAITING"]').click();
    await official.locator(`tr:has([data-declaration="${id}"])`).waitFor();
    await shot(official, __filename, 'unit-queue-again');
    const check = await api<{ declaration: { status: string; round: number; currentLevel: string; params: { hours: number } } }>(
      `query($id: ID!) { declaration(id: $id) { status round currentLevel params } }`,
      { id },
      await tokenOf(TENANT, 'UNIT_OFFICIAL'),
    );
    expect(check.declaration).toMatchObject({ status: 'SUBMITTED', round: 2, currentLevel: 'UNIT', params: { hours: 6 } });
  }, 240000); // several sign-ins and page loads on a shared 2-core machine
});
