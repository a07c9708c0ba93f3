// What the phone-sized browser tests share: Debian's chromium on a 390×844 touch screen, driven
// by playwright-core, one page per test file (node --test runs each file in its own process),
// steps that skip once one has failed, and a screenshot of every step in GONGKAI_ARTIFACTS.
//   GONGKAI_URL        base URL of the server scripts/browser-test.sh started (required)
//   GONGKAI_ARTIFACTS  where screenshots go (default tests/browser/artifacts)
//   CHROMIUM           the browser binary (default /usr/bin/chromium)
// A test file calls usePhone('name') once, then uses `page`, step(), goto() and the rest.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const baseUrl = process.env.GONGKAI_URL;
const artifacts = process.env.GONGKAI_ARTIFACTS || path.join(here, 'artifacts');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const kTimeoutMs = 15000;
export const kPhone = { width: 390, height: 844 };

export let page;
export let userDataDir;
let context;
let prefix = 'phone';
let shot = 0;
let failedStep = null;

// Opens the browser before the file's first step and closes it after the last; `name` prefixes
// the screenshots.
export function usePhone(name) {
  prefix = name;
  before(async () => {
    assert.ok(baseUrl, 'GONGKAI_URL is not set: run scripts/browser-test.sh');
    mkdirSync(artifacts, { recursive: true });
    userDataDir = mkdtempSync(path.join(tmpdir(), 'gongkai-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport: kPhone,
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    context.setDefaultTimeout(kTimeoutMs);
    page = context.pages()[0] || (await context.newPage());
  });
  after(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });
}

export async function screenshot(name) {
  shot += 1;
  const file = path.join(artifacts, `${prefix}-${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
}

// A test that is skipped once an earlier step failed, and leaves a screenshot when it fails.
export function step(name, fn) {
  test(name, async (t) => {
    if (failedStep) {
      t.skip(`not run: earlier step "${failedStep}" failed`);
      return;
    }
    try {
      await fn();
    } catch (e) {
      failedStep = name;
      await screenshot(`FAILED-${name.replace(/[^\p{L}\p{N}]+/gu, '_')}`).catch(() => {});
      throw e;
    }
  });
}

export async function goto(url) {
  const response = await page.goto(new URL(url, baseUrl).href);
  assert.ok(response, `no response for ${url}`);
  assert.equal(response.status(), 200, `GET ${url} answered ${response.status()}`);
}

export async function follow(locator) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
  assert.ok(response, 'the click did not load a page');
  assert.equal(response.status(), 200, `${page.url()} answered ${response.status()}`);
}

export async function heading() {
  return (await page.locator('main h1').first().innerText()).trim();
}

// The page is as wide as the phone: nothing pushes it sideways.
export async function assertFitsTheScreen(what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= kPhone.width, `${what} is ${width}px wide on a ${kPhone.width}px screen`);
}
