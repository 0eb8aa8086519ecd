/** "Who is here" on the board page, as a person uses it: the summary button opens the list of names. */
import type { Page } from 'playwright-core';

/** Opens the list of who is here (if it is closed) and waits until `name` is in it. */
export async function waitUntilHere(page: Page, name: string): Promise<void> {
  const region = page.getByRole('region', { name: 'Who is here' });
  const closed = region.getByRole('button', { name: / here$/, expanded: false });
  if ((await closed.count()) > 0) await closed.click();
  await region.getByRole('listitem').getByText(name, { exact: true }).waitFor();
}
