import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, openAs, test } from './fixtures';

interface Bundle {
  case: { modeDecision: string };
  matters: { nav: string };
}
const bundle = (language: string) => JSON.parse(readFileSync(`src/renderer/i18n/${language}.json`, 'utf8')) as Bundle;
const sv = bundle('sv');
const da = bundle('da');
const en = bundle('en');

function values(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) values(v, out);
  return out;
}

/** English interface phrases: every en value of two words or more that the other language does not share. */
function englishPhrases(other: unknown): string[] {
  const own = new Set(values(other).map((v) => v.trim()));
  return [...new Set(values(en).map((v) => v.replace(/\{\{\w+\}\}/g, '').trim()))].filter(
    (v) => v.split(/\s+/).length >= 2 && v.length >= 10 && !v.includes('{{') && !own.has(v) && !values(other).some((o) => o.includes(v)),
  );
}

/** What English a service or a history row would leak, and internal codes, as patterns. */
const LEAKS: [string, RegExp][] = [
  ['an internal code (snake_case)', /\b[a-z]+_[a-z]+(?:_[a-z]+)*\b/],
  ['an internal action code (dotted)', /\b(?:session|case|decision|letter|audit|backup|subject|settings|import|matter|arn_response)\.[a-z_]+\b/],
  ['a raw value', /\b(?:undefined|NaN|null)\b|\[object Object\]|\{\{/],
  ['an English service message', /\b(?:does not exist|must be|cannot be|already has|sign in first|is not a|Invalid input|expected string|Unrecognized key|failed unexpectedly)\b/],
  ['an English history entry', /\b(?:draft started|submitted for approval|Decision issued|sent by|Corrected decision)\b/],
];

/**
 * Fails when the screen shows English interface text, an internal code or a service's English
 * message: the visible text is checked against the English translation values the current
 * language does not share, and against the patterns above. Data (names, case text) is not English
 * in the Swedish and Danish cases the journeys open.
 */
async function expectNoLeak(page: Page, language: 'sv' | 'da', where: string): Promise<void> {
  const text = await page.locator('body').innerText();
  const found: string[] = [];
  for (const phrase of englishPhrases(language === 'sv' ? sv : da)) if (text.includes(phrase)) found.push(`English text “${phrase}”`);
  for (const [what, pattern] of LEAKS) {
    const m = pattern.exec(text);
    if (m) found.push(`${what}: “${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, ' ')}”`);
  }
  expect(found, `on ${where}`).toEqual([]);
}

async function openCaseOfLanguage(page: Page, market: 'SE' | 'DK'): Promise<void> {
  const row = page.locator(`[data-testid="case-row"][data-market="${market}"]`).first();
  await expect(row).toBeVisible();
  await row.click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-view')).toBeVisible();
  await expect(page.getByTestId('timeline-event').first()).toBeVisible();
}

/**
 * The screen has its data: no loader and nothing busy. (Not `networkidle`: the live change feed
 * keeps a request open for as long as the page lives.)
 */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Loader-root, [aria-busy="true"]')).toHaveCount(0);
}

// A whole journey with axe on six screens takes a while on a loaded two-core machine.
test.describe.configure({ timeout: 300_000 });

for (const language of ['sv', 'da'] as const) {
  test(`a ${language === 'sv' ? 'Swedish' : 'Danish'} journey shows only ${language} words, no internal code, and passes axe on every screen`, async ({ page, workbench }, testInfo) => {
    await openAs(page, workbench);
    if (language === 'da') {
      await page.getByTestId('settings-menu').click();
      await page.getByTestId('language-da').click();
      await expect(page.getByTestId('nav-matters')).toHaveText(da.matters.nav);
    }
    const shot = async (name: string) => page.screenshot({ path: testInfo.outputPath(`${language}-${name}.png`), fullPage: false });
    await expect(page.getByTestId('case-row').first()).toBeVisible();
    await expectNoLeak(page, language, 'the inbox');
    await expectAccessible(page, 'the inbox');
    await shot('inbox');

    // A case of each market, its history with the events Ombud wrote.
    for (const market of ['SE', 'DK'] as const) {
      if (await page.getByTestId('case-view').isVisible()) await page.getByTestId('case-view').press('Escape');
      await openCaseOfLanguage(page, market);
      await expectNoLeak(page, language, `a ${market} case`);
      await expectAccessible(page, `a ${market} case`);
      await shot(`case-${market}`);
    }

    // The decision tab of the open case.
    const decisionTab = page.getByRole('tab', { name: language === 'sv' ? sv.case.modeDecision : da.case.modeDecision });
    if (await decisionTab.count()) {
      await decisionTab.click();
      await expect(page.getByTestId('decision-editor').or(page.getByTestId('start-draft')).first()).toBeVisible();
      await settled(page);
      await expectNoLeak(page, language, 'the decision tab');
      await expectAccessible(page, 'the decision tab');
      await shot('decision');
    }

    // The authority matters, the zero-complaints dashboard and the audit log.
    await page.getByTestId('nav-matters').click();
    await expect(page.getByRole('heading', { level: 1 }).or(page.getByRole('heading', { level: 2 })).first()).toBeVisible();
    await settled(page);
    await expectNoLeak(page, language, 'the matters');
    await expectAccessible(page, 'the matters');
    await shot('matters');

    await page.getByTestId('nav-zero').click();
    await settled(page);
    await expectNoLeak(page, language, 'the zero-complaints dashboard');
    await expectAccessible(page, 'the zero-complaints dashboard');
    await shot('zero');

    await page.getByTestId('settings-menu').click();
    await page.getByTestId('open-audit').click();
    await expect(page.getByTestId('audit-table')).toBeVisible();
    await expectNoLeak(page, language, 'the audit log');
    await expectAccessible(page, 'the audit log');
    await shot('audit');
  });
}
