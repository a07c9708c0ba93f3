// End-to-end test of the office queue on a phone (390×844), in Debian's chromium driven by
// playwright-core: a clerk of the demo government signs in, reads the deadline reminders at the
// top, pages through every case of the queue with 下一页 (the totals say how many; no page is
// cut off at a fixed number), searches a case by its number, and every page fits the screen's
// width (no sideways scrolling).
//
// The server is started by scripts/browser-test.sh (`gongkai serve --demo`, whose government has
// more cases than one page of the queue, src/cli/demo_data.cc); this file only needs its address:
//   GONGKAI_URL        base URL, e.g. http://127.0.0.1:43210 (required)
//   GONGKAI_ARTIFACTS  where screenshots go (default tests/browser/artifacts)
//   CHROMIUM           the browser binary (default /usr/bin/chromium)
//   GONGKAI_CLERK      "name:password" (default: the demo clerk)
// Steps run in order; when one fails the later ones are reported as skipped.

import assert from 'node:assert/strict';

import { assertFitsTheScreen, follow, goto, heading, page, screenshot, step, usePhone } from './phone.mjs';

const [clerkName, ...clerkRest] = (process.env.GONGKAI_CLERK || 'clerk:demo-clerk-2024').split(':');
const clerk = { name: clerkName, password: clerkRest.join(':') };

const found = {};

// "共 120 件，第 1/3 页，本页第 1–50 件" → {total, page, pages, first, last}.
async function pageInfo() {
  const text = (await page.locator('main .page-info').innerText()).trim();
  const m = /共 (\d+) 件，第 (\d+)\/(\d+) 页，本页第 (\d+)–(\d+) 件/.exec(text);
  assert.ok(m, `the queue does not state its totals: ${JSON.stringify(text)}`);
  const [total, current, pages, first, last] = m.slice(1).map(Number);
  return { total, current, pages, first, last };
}

function queueRows() {
  return page.locator('main table.cases[aria-labelledby="queue-heading"] tbody tr');
}

usePhone('queue');

step('a clerk signs in on a phone and sees the queue with its totals', async () => {
  await goto('/office/login');
  await page.locator('#name').fill(clerk.name);
  await page.locator('#password').fill(clerk.password);
  await follow(page.getByRole('button', { name: '登录' }));
  await goto('/office');
  assert.match((await page.locator('main h1').first().innerText()).trim(), /^案件队列/);
  const info = await pageInfo();
  assert.ok(info.pages >= 2, `the demo queue fits one page (${info.total} cases): nothing to page`);
  assert.equal(info.current, 1);
  assert.equal(await queueRows().count(), info.last - info.first + 1);
  found.total = info.total;
  found.pages = info.pages;
  await assertFitsTheScreen('the queue');
  await screenshot('queue-page-1');
});

step('下一页 walks through every case once, and the last page has no 下一页', async () => {
  const seen = new Set();
  const collect = async () => {
    for (const n of await queueRows().locator('td[data-label="编号"] > a:first-child').allInnerTexts()) {
      assert.ok(!seen.has(n), `case ${n} is on two pages`);
      seen.add(n);
    }
  };
  await collect();
  for (let p = 2; p <= found.pages; ++p) {
    await follow(page.locator('main nav.pager a[rel="next"]'));
    const info = await pageInfo();
    assert.equal(info.current, p);
    assert.equal(info.total, found.total);
    await collect();
    await assertFitsTheScreen(`page ${p} of the queue`);
  }
  await screenshot('queue-last-page');
  assert.equal(await page.locator('main nav.pager a[rel="next"]').count(), 0);
  assert.equal(seen.size, found.total, 'the pages together do not hold every case');
  found.number = [...seen][seen.size - 1];
});

step('the search finds a case by its number', async () => {
  await page.locator('main form.filters input[name="q"]').fill(found.number);
  await follow(page.locator('main form.filters').getByRole('button', { name: '筛选' }));
  const info = await pageInfo();
  assert.equal(info.total, 1, `searching ${found.number} found ${info.total} cases`);
  assert.equal(
    (await queueRows().locator('td[data-label="编号"] > a:first-child').innerText()).trim(),
    found.number,
  );
  await assertFitsTheScreen('the search result');
  await screenshot('queue-search');
});

step('the other office pages fit the phone too', async () => {
  const caseLink = queueRows().locator('td[data-label="编号"] > a:first-child').first();
  await follow(caseLink);
  await assertFitsTheScreen('the case page');
  await screenshot('case-page');
  const nav = ['年度报告', '登记数据', '主动公开', '公开指南', '登记来件'];
  for (const name of nav) {
    await follow(page.locator('header nav').getByRole('link', { name, exact: true }));
    await assertFitsTheScreen(`the office page ${name} (${page.url()})`);
    await screenshot(`office-${nav.indexOf(name) + 1}`);
  }
});
