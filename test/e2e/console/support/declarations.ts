// Helpers for the declaration and review browser tests: a small valid PDF,
// choosing in a react-admin select, and finding a declaration in the review queue.
import type { Locator, Page } from 'playwright-core';

/** A one-page PDF with a line of text, its cross-reference offsets computed. */
export function minimalPdf(text: string): Buffer {
  const content = `BT /F1 24 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Opens a react-admin (MUI) select and picks the option with this exact text. */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  const listbox = page.getByRole('listbox');
  await listbox.getByRole('option', { name: option, exact: true }).click();
  await listbox.waitFor({ state: 'detached' });
}

/**
 * Opens the review queue's "waiting for my level" tab (narrowed to an activity
 * kind with the filters, when given) and the declaration's review screen.
 */
export async function openInQueue(page: Page, declarationId: string, kindName?: string): Promise<void> {
  await page.goto('/admin/#/reviews');
  await page.locator('[data-tab="WAITING"]').click();
  if (kindName) {
    // wide screens have the filter sidebar; a tablet has the same filter as a select above the rows
    const sidebar = page.getByTestId('review-filters');
    if (await sidebar.isVisible()) await sidebar.getByText(kindName, { exact: true }).click();
    else await chooseOption(page, page.getByRole('combobox', { name: /^学习形式/ }), kindName);
  }
  const row = page.locator(`tr:has([data-declaration="${declarationId}"])`);
  const shown = new RegExp(`#/reviews/${encodeURIComponent(declarationId)}/show`);
  // a click while the filtered page replaces the rows can land on a row on its way out: click again
  for (let attempt = 1; ; attempt++) {
    await row.waitFor();
    await row.locator('td').nth(1).click();
    try {
      await page.waitForURL(shown, { timeout: 5000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
