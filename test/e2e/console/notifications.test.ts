// Notifications in the console (tenant binzhou's professional), on one page load: the home
// page shows the bell and the e-mail reminder settings; the professional sets an address and
// turns reminder e-mails off (the API then says so); the bell leads to the notifications page.
import { api, type ConsoleBrowser, launchBrowser, shot, signInAs, tokenOf } from './support/browser';

let browser: ConsoleBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('notifications', () => {
  it('a professional sets their reminder address, turns reminder e-mails off, and opens the notifications page from the bell', async () => {
    const page = await browser.newPage();
    await signInAs(page, 'binzhou', 'PROFESSIONAL');
    const settings = page.getByTestId('email-settings');
    await settings.locator('input[name="email"]').waitFor();
    await page.getByTestId('notification-bell').waitFor();
    const address = `prof-${Date.now()}@example.cn`;
    await settings.locator('input[name="email"]').fill(address);
    await settings.getByRole('button', { name: '保存' }).click();
    await page.getByText('通知设置已保存').first().waitFor();
    // the switch follows the saved setting: it turns off once the server has answered
    await settings.getByTestId('email-opt-in').locator('input').click();
    await page.waitForFunction(() => !document.querySelector<HTMLInputElement>('[data-testid="email-opt-in"] input')?.checked);
    await page.waitForLoadState('networkidle');
    const token = await tokenOf('binzhou', 'PROFESSIONAL');
    const { myNotificationSettings } = await api<{ myNotificationSettings: { email: string; emailOptOut: boolean } }>(`{ myNotificationSettings { email emailOptOut } }`, {}, token);
    expect(myNotificationSettings).toEqual({ email: address, emailOptOut: true });
    await shot(page, __filename, 'professional-home-settings');

    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notifications-page').waitFor();
    await page.getByText(/我的通知（共 \d+ 条）/).waitFor();
    await shot(page, __filename, 'notifications-page');
  });
});
