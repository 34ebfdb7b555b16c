// Moving between cities in the console (docs/MOVES.md): a unit official in Binzhou asks
// for a person registered in Jining (the wrong name first: the server's answer shows under
// the field), the person signs in at Jining and consents from the notice on their home page,
// and the Binzhou official sees the request consented and the person's moved years with
// their origin; Binzhou reviews moved years, so its bureau accepts one on the person's page.
// Jining's bureau refuses another request with a reason, which Binzhou reads; Binzhou
// withdraws a third.
//
// Its own fixtures: each test's person is made in Jining's last unit (no other test reads it),
// with certified years; the receiving unit and its official are made in Binzhou for this file,
// so no other test's head count sees the people who arrive.
import type { Page } from 'playwright-core';
import { makeIdNumber } from '../../../server/platform/id-number';
import { api, type ConsoleBrowser, launchBrowser, sessionOfToken, shot, signInAs, tokenOf, useSession } from './support/browser';
import { chooseOption } from './support/declarations';

const FROM = 'jining';
const TO = 'binzhou';
const PASSWORD = 'Moves2026consent';
const YEAR = new Date().getFullYear();
const run = Date.now() % 100000;
const letters = (n: number) => [...String(n)].map((d) => '甲乙丙丁戊己庚辛壬癸'[Number(d)]).join('');

let browser: ConsoleBrowser;
let fromBureau: string;
/** The receiving unit made for this file in Binzhou, and its official's token. */
let unit: { id: string; name: string };
let unitToken: string;

async function activate(tenantCode: string, username: string, activationCode: string): Promise<string> {
  const d = await api<{ activateAccount: { token: string } }>(`mutation($i: ActivateAccountInput!) { activateAccount(input: $i) { token } }`, {
    i: { tenantCode, username, activationCode, newPassword: PASSWORD },
  });
  return d.activateAccount.token;
}

beforeAll(async () => {
  browser = await launchBrowser();
  fromBureau = await tokenOf(FROM, 'BUREAU_OFFICIAL');
  const toBureau = await tokenOf(TO, 'BUREAU_OFFICIAL');
  const { organisations } = await api<{ organisations: { nodes: { id: string }[] } }>(`{ organisations(kind: DEPARTMENT, first: 1) { nodes { id } } }`, {}, toBureau);
  const name = `滨州市迁入测试单位${letters(run)}`;
  const created = await api<{ createOrganisation: { id: string; name: string } }>(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id name } }`, {
    i: { parentId: organisations.nodes[0]!.id, kind: 'UNIT', name },
  }, toBureau);
  unit = created.createOrganisation;
  const username = `moves${run}`;
  const official = await api<{ createOfficialAccount: { activationCode: string } }>(
    `mutation($i: CreateOfficialAccountInput!) { createOfficialAccount(input: $i) { activationCode } }`,
    { i: { username, displayName: '迁入经办人', role: 'UNIT_OFFICIAL', orgNodeId: unit.id } },
    toBureau,
  );
  unitToken = await activate(TO, username, official.createOfficialAccount.activationCode);
});
afterAll(async () => {
  await browser?.close();
});

interface Person {
  id: string;
  idNumber: string;
  name: string;
}

/** A person of Jining's last unit; with `certified`, a complete last year and an empty year before it, both certified. */
async function jiningPerson(n: number, certified: boolean): Promise<Person> {
  const { organisations } = await api<{ organisations: { nodes: { id: string }[] } }>(`{ organisations(kind: UNIT, first: 100) { nodes { id } } }`, {}, fromBureau);
  const idNumber = makeIdNumber('370811', `1986${String(1 + (run % 12)).padStart(2, '0')}${String(10 + n).padStart(2, '0')}`, 500 + (run % 400));
  const name = `迁${letters(run % 1000)}${'甲乙丙'[n]}`;
  const { createProfessional } = await api<{ createProfessional: { id: string } }>(`mutation($i: CreateProfessionalInput!) { createProfessional(input: $i) { id } }`, {
    i: { idNumber, name, unitId: organisations.nodes.at(-1)!.id, titleLevel: 'INTERMEDIATE', titleSeries: 'HEALTH', joinedUnitOn: '2018-03-01' },
  }, fromBureau);
  const id = createProfessional.id;
  if (certified) {
    const record = (kind: string, params: object) =>
      api(`mutation($i: RecordActivityInput!) { recordActivity(input: $i) { id } }`, { i: { professionalId: id, year: YEAR - 1, date: `${YEAR - 1}-03-10`, kind, params } }, fromBureau);
    await record('publicCompulsory', { series: 'xiThought', hours: 20 });
    await record('publicElective', { hours: 10 });
    await record('professionalCourse', { hours: 30 });
    await record('professionalCourse', { hours: 30 });
    for (const year of [YEAR - 2, YEAR - 1]) await api(`mutation($p: ID!, $y: Int!) { certifyYear(professionalId: $p, year: $y) { year } }`, { p: id, y: year }, fromBureau);
  }
  return { id, idNumber, name };
}

/** The person's own account at Jining (activated with a code the bureau issues), as a console session. */
async function personSession(person: Person): Promise<Record<string, unknown>> {
  const { issueActivationCode } = await api<{ issueActivationCode: { activationCode: string } }>(
    `mutation($i: IssueActivationCodeInput!) { issueActivationCode(input: $i) { activationCode } }`,
    { i: { professionalId: person.id } },
    fromBureau,
  );
  // a professional's user name is their ID number
  return sessionOfToken(await activate(FROM, person.idNumber, issueActivationCode.activationCode));
}

let receiving: Promise<Page> | undefined;
/** The Binzhou unit official's page, signed in on first use and reused by both tests. */
function receivingPage(): Promise<Page> {
  receiving ??= (async () => {
    const page = await browser.newPage();
    await useSession(page, await sessionOfToken(unitToken));
    return page;
  })();
  return receiving;
}

/** Opens the receiving list's tab and the request of `name` in it. */
async function openRequest(page: Page, status: string, name: string): Promise<void> {
  await page.goto('/admin/#/moveRequests');
  await page.locator(`[data-tab="${status}"]`).click();
  await page.locator('tr', { hasText: name }).locator('td').nth(1).click();
  await page.waitForURL(/#\/moveRequests\/[^/]+\/show/);
  await page.locator(`h2 + [data-status="${status}"]`).waitFor();
}

/** Waits until the page's transitions (a dialog fading in) are over, for a screenshot. */
async function still(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

describe('moving between cities', () => {
  it('Binzhou asks, the person consents at Jining, Binzhou sees the move and the moved years; its bureau accepts one', async () => {
    const person = await jiningPerson(0, true);
    const page = await receivingPage();
    await page.locator('[data-menu="moveRequests"]').click();
    await page.getByTestId('request-move').click();
    await page.getByTestId('move-request-hint').waitFor();
    await page.locator('input[name="idNumber"]').fill(person.idNumber);
    // a name that is not the one registered there: the server says so under the ID number
    await page.locator('input[name="name"]').fill(`${person.name}乙`);
    await chooseOption(page, page.getByRole('combobox', { name: /^职称级别/ }), '中级');
    await chooseOption(page, page.getByRole('combobox', { name: /^职称系列/ }), '卫生');
    expect(await page.locator('input[name="unitId"]').inputValue()).toBe(unit.name);
    await page.getByRole('button', { name: '保存' }).click();
    const idField = await page.locator('input[name="idNumber"]').getAttribute('id');
    await page.locator(`[id="${idField}-helper-text"]`).getByText('平台其他地区没有与该身份证号码和姓名相符').waitFor();
    await shot(page, __filename, 'request-not-found');
    await page.locator('input[name="name"]').fill(person.name);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/moveRequests\/[^/]+\/show/);
    await page.locator('h2 + [data-status="PENDING"]').waitFor();
    await page.getByTestId('cancel-move').waitFor();
    await shot(page, __filename, 'request-pending');

    // the person, signed in at Jining, finds the request on their home page and consents
    const own = await browser.newPage();
    await useSession(own, await personSession(person));
    await own.getByTestId('pending-moves').getByRole('link').click();
    const row = own.locator('tr', { hasText: unit.name });
    await row.waitFor();
    expect(await row.textContent()).toContain('滨州市');
    await row.getByTestId('consent-move').click();
    const dialog = own.getByRole('dialog');
    await dialog.getByText('已认定的各年度学时').waitFor();
    await still(own);
    await shot(own, __filename, 'consent-dialog');
    await dialog.getByRole('button', { name: '同意迁出' }).click();
    await own.getByText('已同意迁出：2 个已认定年度已转入滨州市').waitFor();
    await own.getByTestId('no-move-requests').waitFor();

    // Binzhou: consented, and the person's page shows the two years with their origin, awaiting review
    await openRequest(page, 'CONSENTED', person.name);
    expect(await page.getByTestId('years-moved').textContent()).toContain('2');
    await page.getByTestId('moved-person').click();
    const years = page.getByTestId('moved-years');
    await years.locator(`tr[data-year="${YEAR - 1}"]`).waitFor();
    expect(await years.locator('tbody tr').count()).toBe(2);
    expect(await years.locator(`tr[data-year="${YEAR - 1}"]`).innerText()).toMatch(/30 学时\s+60 学时\s+达标\s+济宁市（第 \d+ 版政策）/);
    expect(await years.locator(`tr[data-year="${YEAR - 2}"] td`).nth(3).textContent()).toBe('未达标');
    expect(await years.locator('[data-review="PENDING"]').count()).toBe(2);
    // a unit official reads them; the review is the department's or the bureau's
    expect(await page.getByTestId('accept-year').count()).toBe(0);
    await shot(page, __filename, 'moved-years-unit');

    const bureau = await browser.newPage();
    await signInAs(bureau, TO, 'BUREAU_OFFICIAL');
    const professionalId = decodeURIComponent(/#\/professionals\/([^/]+)\/show/.exec(page.url())![1]!);
    await bureau.goto(`/admin/#/professionals/${encodeURIComponent(professionalId)}/show/moved-years`);
    await bureau.locator(`tr[data-year="${YEAR - 1}"]`).getByTestId('accept-year').click();
    await bureau.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await bureau.locator(`tr[data-year="${YEAR - 1}"][data-review="ACCEPTED"]`).waitFor();
    expect(await bureau.locator(`tr[data-year="${YEAR - 2}"] [data-testid="accept-year"]`).count()).toBe(1);
    await shot(bureau, __filename, 'moved-years-reviewed');
  }, 120000);

  it('Jining’s bureau refuses a request with a reason, which Binzhou reads; Binzhou withdraws another', async () => {
    const [person, other] = await Promise.all([jiningPerson(1, false), jiningPerson(2, false)]);
    const reason = `本人未申请调动（${letters(run)}）`;
    for (const p of [person, other]) {
      await api(`mutation($i: RequestMoveInput!) { requestMove(input: $i) { id } }`, {
        i: { idNumber: p.idNumber, name: p.name, unitId: unit.id, titleLevel: 'JUNIOR', titleSeries: 'HEALTH', joinedUnitOn: `${YEAR}-01-02` },
      }, unitToken);
    }

    const bureau = await browser.newPage();
    await signInAs(bureau, FROM, 'BUREAU_OFFICIAL');
    await bureau.locator('[data-menu="moveConsents"]').click();
    const row = bureau.locator('tr', { hasText: person.name });
    await row.getByTestId('refuse-move').click();
    // no reason, no refusal
    await bureau.getByTestId('confirm-reason').click();
    await bureau.getByText('请填写理由').waitFor();
    await bureau.locator('textarea[name="reason"]').fill(reason);
    await still(bureau);
    await shot(bureau, __filename, 'refuse-dialog');
    await bureau.getByTestId('confirm-reason').click();
    await bureau.getByText('已拒绝迁入申请').waitFor();
    await row.waitFor({ state: 'detached' });

    const page = await receivingPage();
    await openRequest(page, 'REFUSED', person.name);
    expect(await page.getByTestId('refusal-reason').innerText()).toContain(reason);
    expect(await page.getByTestId('cancel-move').count()).toBe(0);
    await shot(page, __filename, 'request-refused');

    await openRequest(page, 'PENDING', other.name);
    await page.getByTestId('cancel-move').click();
    await page.getByRole('dialog').getByText(`确认撤回对“${other.name}”的迁入申请？`).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText('已撤回迁入申请').waitFor();
    await page.locator('h2 + [data-status="CANCELLED"]').waitFor();
  }, 120000);
});
