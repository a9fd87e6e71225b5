import type { Page, TestInfo } from '@playwright/test';
import { expect } from '@playwright/test';
import { seriousViolations } from './axe';

/**
 * Keeps a full-page screenshot of the screen as it is now, as a PNG file in the test's output
 * folder (test-results/<test>/<name>.png) and attached to its results, for people to look at: the
 * screens in each language are not compared pixel by pixel.
 */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** The screen as it is now has no serious or critical accessibility problem axe-core can find. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), screen).toEqual([]);
}

/** Both: a screen a person will look at in this language, and one axe has checked. */
export async function keepAndCheck(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await keepScreenshot(page, testInfo, name);
  await expectAccessible(page, name);
}
