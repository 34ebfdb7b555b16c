// Certificates in the console (tenant jining, whose policy prints one certificate per year):
// a professional issues a certificate of a certified year on "my certificates", downloads
// the PDF (it opens and states their name and the year), and opens its public verification
// page, which says it is valid and shows the masked ID number only; an official sees it on
// the person's certificates tab.
import { extractText } from '../../certificates/pdf-text';
import { api, type ConsoleBrowser, downloaded, launchBrowser, sessionOf, shot, tokenOf, useSession } from './support/browser';

let browser: ConsoleBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const YEAR = new Date().getFullYear() - 1;

describe('certificates', () => {
  it('a professional issues a certificate of a certified year, downloads the PDF and opens its verification page', async () => {
    // the bureau certifies the professional's last year (the demo data certifies none)
    const session = await sessionOf('jining', 'PROFESSIONAL');
    const professionalId = session.professionalId as string;
    const bureau = await tokenOf('jining', 'BUREAU_OFFICIAL');
    const { professional } = await api<{ professional: { name: string; idNumber: string } }>(`query($id: ID!) { professional(id: $id) { name idNumber } }`, { id: professionalId }, bureau);
    await api(`mutation($p: ID!, $y: Int!) { certifyYear(professionalId: $p, year: $y) { year } }`, { p: professionalId, y: YEAR }, bureau).catch((error: Error) => {
      if (!error.message.startsWith('YEAR_ALREADY_CERTIFIED')) throw error;
    });

    const page = await browser.newPage();
    await useSession(page, session);
    await page.goto('/admin/#/my-certificates');
    const form = page.getByTestId('certificate-issue');
    await form.waitFor();
    expect(await form.textContent()).toContain('济宁市专业技术人员继续教育学时证明');
    await form.getByLabel('年度').click();
    await page.getByRole('option', { name: new RegExp(`^${YEAR}`) }).click();
    await page.getByTestId('issue-certificate').click();
    const row = page.getByTestId('certificate-row').filter({ hasText: String(YEAR) }).first();
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('VALID');
    expect(await row.textContent()).toContain('有效');
    await shot(page, __filename, 'my-certificates');

    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('download-certificate').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`${YEAR}\\.pdf$`));
    const pdf = await downloaded(download);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractText(pdf);
    expect(text).toContain('济宁市专业技术人员继续教育学时证明');
    expect(text).toContain(`兹证明 ${professional.name}`);
    expect(text).toContain(`${YEAR}年度`);
    expect(text).not.toContain(professional.idNumber);

    const [verification] = await Promise.all([page.context().waitForEvent('page'), row.getByTestId('verify-certificate').click()]);
    await verification.waitForLoadState();
    expect(verification.url()).toMatch(/\/verify\/[0-9A-Z]{26}$/);
    expect(await verification.locator('body').getAttribute('data-status')).toBe('VALID');
    const shown = await verification.locator('body').innerText();
    expect(shown).toContain('证书有效');
    expect(shown).toContain(professional.name);
    expect(shown).toContain(`${professional.idNumber.slice(0, 4)}**********${professional.idNumber.slice(-4)}`);
    expect(shown).not.toContain(professional.idNumber);
    await shot(verification, __filename, 'verification-page');

    // an official sees it on the person's page (the certificates tab), with the same state
    const official = await browser.newPage();
    await useSession(official, await sessionOf('jining', 'BUREAU_OFFICIAL'));
    await official.goto(`/admin/#/professionals/${professionalId}/show/certificates`);
    const listed = official.getByTestId('certificate-row').filter({ hasText: String(YEAR) }).first();
    await listed.waitFor();
    expect(await listed.getAttribute('data-status')).toBe('VALID');
    await shot(official, __filename, 'staff-certificates-tab');
  });
});
