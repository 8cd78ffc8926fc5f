import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/index.js';
import { browserUnavailable, launchBrowser } from '../../support/browser.js';
import { getTestCore } from '../../support/test-core.js';
import { BUDAPEST_FR, startWeb, type RunningWeb } from './running-web.js';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);
const SHOTS = join(import.meta.dirname, '..', '..', '..', 'test-output', 'browser');

/** Whether the first element matching `selector` overlaps the viewport (boundingBox is relative to it). */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error(`${selector} has no box`);
  return box.height > 0 && box.y + box.height > 0 && box.y < viewport.height;
}

/** The first element matching `selector`: its line range, whether it is inside the viewport and focused. */
async function placement(page: Page, selector: string) {
  const element = page.locator(selector).first();
  return {
    lines: ((await element.getAttribute('data-lines')) ?? '').split('-').map(Number),
    inView: await inViewport(page, selector),
    focused: (await page.locator(`${selector}:focus`).count()) === 1,
    current: await element.getAttribute('aria-current'),
  };
}

describe.skipIf(unavailable !== null)('in a real browser', () => {
  let core: Core;
  let web: RunningWeb;
  let browser: Browser;

  beforeAll(async () => {
    core = await getTestCore();
    web = await startWeb({ core });
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.web.stop();
  });

  it('asks on the search page, follows a citation, and lands on the highlighted cited paragraph', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    const failures: string[] = [];
    page.on('console', (msg) => void (msg.type() === 'error' && failures.push(msg.text())));
    page.on('pageerror', (error) => void failures.push(error.message));
    await page.goto(`${web.url}/`);
    expect(await page.locator('#q:focus').count()).toBe(1);
    await page.keyboard.type(BUDAPEST_FR);
    await page.keyboard.press('Enter');
    await page.locator('#result .answer .source').first().waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(BUDAPEST_FR);
    const answerText = await page.locator('#result .answer-text').innerText();
    expect(answerText).toContain('56 États');
    expect(answerText).toContain('[1]');
    await page.screenshot({ path: join(SHOTS, 'search-answer.png'), fullPage: true });

    const source = page.locator('#cite-1');
    await source.locator('summary').click();
    const link = source.locator('a.source-link');
    const href = (await link.getAttribute('href')) ?? '';
    const [, start, end] = /#L(\d+)-L(\d+)$/u.exec(href) ?? [];
    await link.click();
    await page.waitForURL(/\/doc\//u);
    await page.locator('.block.cited').first().waitFor();
    const first = await placement(page, '.block.cited');
    expect(first.lines[0]).toBeLessThanOrEqual(Number(end));
    expect(first.lines[1]).toBeGreaterThanOrEqual(Number(start));
    expect(first.inView).toBe(true);
    expect(first.focused).toBe(true);
    expect(first.current).toBe('location');
    expect(await page.locator('.block.cited').first().innerText()).toContain('La Convention de Budapest a été ratifiée par 56 États');
    const hitLines = await page.$$eval('.block.cited .ln.hit', (els) => els.map((el) => Number(el.getAttribute('data-line'))));
    expect(hitLines.length).toBeGreaterThan(0);
    for (const line of hitLines) expect(line >= Number(start) && line <= Number(end), String(line)).toBe(true);
    expect(await inViewport(page, '.block.cited .ln.hit')).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'source-viewer.png') });
    expect(failures).toEqual([]);
    await page.close();
  }, 120_000);

  it('highlights from the fragment alone, as the chat adapters link, and Esc clears the search', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(`${web.url}/doc/004_c3f6cb5d275c60c7.txt#L619-L621`);
    await page.locator('.block.cited').first().waitFor();
    const cited = await page.$$eval('.block.cited', (els) => els.map((el) => el.getAttribute('data-lines') ?? ''));
    expect(cited.length).toBeGreaterThan(0);
    for (const range of cited) {
      const [a, b] = range.split('-').map(Number);
      expect((a ?? 0) <= 621 && 619 <= (b ?? 0), range).toBe(true);
    }
    // Usable on a phone: nothing (long URLs, wide tables) makes the page wider than the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect((await placement(page, '.block.cited')).inView).toBe(true);
    expect(await inViewport(page, '.block.cited .ln.hit')).toBe(true);
    // Heading path and line numbers of the cited block stay visible, even on a small screen.
    expect(await inViewport(page, '.block.cited .meta')).toBe(true);
    expect(await page.locator('.block.cited .meta .lines').first().innerText()).toMatch(/^l\. 602–621$/u);
    await page.screenshot({ path: join(SHOTS, 'source-viewer-phone.png') });

    await page.goto(`${web.url}/?q=${encodeURIComponent(BUDAPEST_FR)}`);
    expect(await page.locator('#result .answer').count()).toBe(1);
    await page.locator('#q').press('Escape');
    expect(await page.locator('#q').inputValue()).toBe('');
    expect(await page.locator('#result .answer').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('');
    await page.close();
  }, 120_000);
});
