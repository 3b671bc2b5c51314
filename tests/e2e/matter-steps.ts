import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Through a matter's "next step" menu in the case panel: the response sent today, ARN's outcome
 * "Delvis bifall" recommending 750 kr, and the company following it by paying 750 kr.
 */
export async function recordSentPartlyUpheldAndFollowed(page: Page, matter: Locator): Promise<void> {
  await matter.getByTestId('matter-next-step').click();
  await page.getByTestId('matter-action-sent').click();
  await page.getByTestId('matter-response-sent-submit').click();
  await expect(matter).toHaveAttribute('data-status', 'response_sent');

  await matter.getByTestId('matter-next-step').click();
  await page.getByTestId('matter-action-outcome').click();
  const outcome = page.getByTestId('matter-outcome');
  await outcome.getByTestId('matter-outcome-select').click();
  await page.getByRole('option', { name: 'Delvis bifall' }).click();
  await outcome.getByTestId('matter-recommendation').fill('Nämnden rekommenderar bolaget att betala 750 kr.');
  await outcome.getByTestId('matter-outcome-amount').fill('750');
  await outcome.getByTestId('matter-outcome-submit').click();
  await expect(matter.getByTestId('matter-outcome-badge')).toHaveText('Delvis bifall');

  await matter.getByTestId('matter-next-step').click();
  await page.getByTestId('matter-action-compliance').click();
  const compliance = page.getByTestId('matter-compliance');
  await compliance.getByTestId('matter-paid').fill('750,00');
  await compliance.getByTestId('matter-compliance-submit').click();
  await expect(matter.getByTestId('matter-compliance-text')).toContainText('Följd');
  await expect(matter).toHaveAttribute('data-status', 'closed');
}
