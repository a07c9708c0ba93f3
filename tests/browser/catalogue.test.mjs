// End-to-end test of the public catalogue on a phone (390×844, the viewport of a common
// smartphone), in Debian's chromium driven by playwright-core: a citizen browses the demo
// government's 政府信息公开目录 by subject category, opens an item and reads its metadata, then
// finds an item with the search box by a two-character query (the case trigram search misses)
// and opens it. Every page is checked to fit the screen's width (no sideways scrolling).
//
// The server is started by scripts/browser-test.sh (`gongkai serve --demo`, whose items
// src/cli/demo_publications.cc defines); this file only needs its address:
//   GONGKAI_URL        base URL, e.g. http://127.0.0.1:43210 (required)
//   GONGKAI_ARTIFACTS  where screenshots go (default tests/browser/artifacts)
//   CHROMIUM           the browser binary (default /usr/bin/chromium)
// Steps run in order; when one fails the later ones are reported as skipped.

import assert from 'node:assert/strict';

import { assertFitsTheScreen, follow, goto, heading, page, screenshot, step, usePhone } from './phone.mjs';

// From src/cli/demo_publications.cc: the demo government, a category with two items, and the
// item a search for 公积 (two characters) must find.
const kGovernment = '平顶山市新华区人民政府';
const kCategory = '财政预算、决算';
const kSearch = '公积';
const kSearchHit = '住房公积金提取办理指南';

// The value of a <dt> label in the item's metadata list.
async function fact(label) {
  return (await page.locator(`main dl.facts dt:text-is("${label}") + dd`).innerText()).trim();
}

usePhone('catalogue');

step('the catalogue lists the agencies and opens the demo government', async () => {
  await goto('/catalogue');
  assert.equal(await heading(), '政府信息公开目录');
  await assertFitsTheScreen('/catalogue');
  await screenshot('agencies');
  await follow(page.locator('main').getByRole('link', { name: kGovernment, exact: true }));
  assert.equal(await heading(), `${kGovernment} 政府信息公开目录`);
  await assertFitsTheScreen('the agency catalogue');
});

step('browsing by category lists only that category, with its total', async () => {
  const link = page.locator('nav.categories a', { hasText: kCategory });
  const expected = Number((await link.locator('xpath=..').locator('.meta').innerText()).trim());
  assert.ok(expected >= 1, `the category ${kCategory} shows no count`);
  await follow(link);
  assert.match(page.url(), /category=art20\.7/);
  assert.match(await page.locator('#results').innerText(), new RegExp(`共 ${expected} 条`));
  const items = page.locator('ol.items li.item');
  assert.equal(await items.count(), expected);
  for (const meta of await items.locator('.meta').allInnerTexts()) {
    if (meta.includes('公开日期')) assert.ok(meta.includes(kCategory), `an item not of ${kCategory}: ${meta}`);
  }
  await assertFitsTheScreen('the category page');
  await screenshot('category');
});

step('an item shows its metadata', async () => {
  const first = page.locator('ol.items li.item > a').first();
  const title = (await first.innerText()).trim();
  await follow(first);
  assert.equal(await heading(), title);
  assert.match(page.url(), /\/catalogue\/\d+\/items\/\d+$/);
  assert.match(await fact('索引号'), /\/\d{4}-\d{5}$/);
  assert.match(await fact('公开日期'), /^\d{4}年\d{1,2}月\d{1,2}日$/);
  assert.match(await fact('生成日期'), /^\d{4}年\d{1,2}月\d{1,2}日$/);
  assert.equal(await fact('发布机构'), kGovernment);
  assert.equal(await fact('主题分类'), kCategory);
  assert.ok((await fact('有效性')).length > 0);
  await assertFitsTheScreen('the item page');
  await screenshot('item');
});

step(`the search box finds ${kSearchHit} by the two characters ${kSearch}`, async () => {
  const box = page.locator('header form.search input[type=search]');
  await box.fill(kSearch);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), box.press('Enter')]);
  assert.match(page.url(), /\/search\?q=/);
  const hit = page.locator('ol.hits li', { hasText: kSearchHit });
  assert.equal(await hit.count(), 1, `no hit ${kSearchHit} for ${kSearch}`);
  assert.equal((await hit.locator('mark').first().innerText()).trim(), kSearch);
  assert.ok((await hit.locator('.meta').innerText()).includes(kGovernment));
  await assertFitsTheScreen('the results page');
  await screenshot('search');
  await follow(hit.locator('a').first());
  assert.equal(await heading(), kSearchHit);
  await screenshot('search-hit');
});
