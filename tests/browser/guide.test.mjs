// End-to-end test of a service guide on a phone (390×844), in Debian's chromium driven by
// playwright-core: the QR code of a demo guide is decoded with zbarimg (zbar-tools) as a
// visitor's phone camera would, the decoded permanent link /g/{code} is opened, and the guide
// reads on the small screen: name, the promised date "if you apply today", conditions, materials,
// process, contacts, the printable PDF; a cancelled item names its successor, which opens; a guide
// whose item needs an intermediary service lists it and leads to the directory of institutions,
// where an expired qualification is marked.
//
// The server is started by scripts/browser-test.sh (`gongkai serve --demo`, whose service items
// src/cli/demo_services.cc defines):
//   GONGKAI_URL        base URL, e.g. http://127.0.0.1:43210 (required)
//   GONGKAI_ARTIFACTS  where screenshots go (default tests/browser/artifacts)
//   CHROMIUM           the browser binary (default /usr/bin/chromium)
// Steps run in order; when one fails the later ones are reported as skipped.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { assertFitsTheScreen, baseUrl, follow, goto, heading, page, screenshot, step, userDataDir, usePhone } from './phone.mjs';

// From src/cli/demo_services.cc.
const kCode = '00016421300301';
const kName = '食品经营许可（新办）';
const kCancelled = '00016421300303';
const kSuccessorName = '食品经营许可（变更）';
// From src/cli/demo_intermediaries.cc: the pressure-vessel guide needs one intermediary service.
const kWithIntermediary = '00011700500001';
const kIntermediary = '特种设备安装监督检验';

let decodedLink = null;

usePhone('guide');

step('the QR code printed for the hall decodes to the permanent link', async () => {
  // The PNG the hall sheet and the guide page offer, decoded as a phone camera would.
  const guide = await page.request.get(new URL(`/g/${kCode}`, baseUrl).href);
  assert.equal(guide.status(), 200);
  const src = /<img src="([^"]+\/qr\.svg)"/.exec(await guide.text());
  assert.ok(src, 'the guide page shows no QR code');
  const png = await page.request.get(new URL(src[1].replace(/\.svg$/, '.png'), baseUrl).href);
  assert.equal(png.status(), 200);
  assert.equal(png.headers()['content-type'], 'image/png');
  const file = path.join(userDataDir, 'qr.png');
  writeFileSync(file, await png.body());
  decodedLink = execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' }).trim();
  assert.equal(decodedLink, new URL(`/g/${kCode}`, baseUrl).href);
});

step('the decoded link opens the guide, readable on the phone', async () => {
  await goto(decodedLink);
  assert.equal(await heading(), kName);
  const promise = page.locator('section.promise');
  assert.match(await promise.innerText(), /今天申请，承诺 \d{4}年\d{1,2}月\d{1,2}日 前办结/);
  const main = await page.locator('main').innerText();
  for (const part of ['受理条件', '申请材料', '食品经营许可申请书', '办理流程', '审查（含现场核查）',
    '不收费', 'B区8号窗口', '0375-2961234', '12345']) {
    assert.ok(main.includes(part), `the guide lacks ${part}`);
  }
  await assertFitsTheScreen('the guide');
  await screenshot('guide');
});

step('the promised date explains itself and the FAQ opens', async () => {
  await page.locator('section.promise summary').click();
  assert.match(await page.locator('section.promise li').first().innerText(), /受理/);
  const faq = page.locator('details.step summary', { hasText: '可以网上申请吗？' });
  await faq.click();
  assert.ok((await faq.locator('xpath=..').innerText()).includes('全程网办'));
  await screenshot('guide-opened');
});

step('the printable guide downloads as a PDF', async () => {
  const href = await page.locator('main a', { hasText: '打印版办事指南' }).getAttribute('href');
  const pdf = await page.request.get(new URL(href, baseUrl).href);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
});

step('a cancelled item says so and leads to its successor', async () => {
  await goto(`/g/${kCancelled}`);
  const alert = page.locator('main [role=alert]');
  assert.match(await alert.innerText(), /本事项已取消/);
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    alert.getByRole('link').click(),
  ]);
  assert.equal(response.status(), 200);
  assert.equal(await heading(), kSuccessorName);
  await assertFitsTheScreen('the successor guide');
  await screenshot('successor');
});

step('a guide names the intermediary services it needs and leads to the directory', async () => {
  await goto(`/g/${kWithIntermediary}`);
  const section = page.locator('main h2#intermediary + p + ol');
  assert.ok((await section.innerText()).includes(kIntermediary), 'the guide lacks its intermediary service');
  assert.ok((await page.locator('main').innerText()).includes('审批部门不得指定'));
  await follow(section.getByRole('link', { name: '可选择的中介服务机构' }).first());
  assert.match(await heading(), /中介服务机构名录$/);
  const main = await page.locator('main').innerText();
  assert.ok(main.includes(`可提供「${kIntermediary}」的中介服务机构`));
  assert.ok(main.includes('（已过期）'), 'the expired qualification is not marked');
  await assertFitsTheScreen('the institution directory');
  await screenshot('institutions');
});
