/** The «Điền dòng» side form as the browser suites drive it (rows, rows-fill, rows-word). */
import type { Page } from 'playwright-core';

/** The textarea of a column of the form (data-field = the column's key). */
export const field = (page: Page, key: string) => page.locator(`textarea[data-field="${key}"]`);

/** Wait for the form's result bar to say `text`. */
export const rowsResult = (page: Page, text: string | RegExp) =>
  page.getByTestId('rows-result').filter({ hasText: text }).waitFor();

/** Search the criterion list and choose the criterion whose radio's name matches. */
export async function pickCriterion(page: Page, search: string, name: RegExp): Promise<void> {
  await page.getByLabel('Tìm tiêu chí').fill(search);
  await page.getByRole('radio', { name }).check();
}

/** Wait until a textarea holds exactly `value`. */
export async function hasValue(page: Page, key: string, value: string): Promise<void> {
  const deadline = Date.now() + 5000;
  let last = '';
  while (Date.now() < deadline) {
    last = await field(page, key).inputValue();
    if (last === value) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${key}: expected ${JSON.stringify(value)}, the form shows ${JSON.stringify(last)}`);
}
