// End-to-end test of the web application in a real browser (Debian's chromium, driven by
// playwright-core): a citizen applies online and tracks the case; a clerk finds it in the queue,
// sends a 补正 notice, records the applicant's answer and proposes 予以公开; the head approves; the
// year's report then counts the case as new and granted for 自然人 (one more than before the
// test, read from the same page). Along the way the public tracking page is checked never to
// show the applicant's full ID number, phone, e-mail or name.
//
// The server is started by scripts/browser-test.sh (`gongkai serve --demo` on a temporary
// database); this file only needs its address:
//   GONGKAI_URL            base URL, e.g. http://127.0.0.1:43210 (required)
//   GONGKAI_ARTIFACTS      where screenshots go (default tests/browser/artifacts)
//   CHROMIUM               the browser binary (default /usr/bin/chromium)
//   GONGKAI_CLERK, GONGKAI_HEAD   "name:password" sign-ins (default: the demo users, which
//                          `serve --demo` prints and src/cli/demo_data.cc defines)
//
// Steps run in order; when one fails the later ones are reported as skipped with the name of
// the failed step, and the run fails.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const baseUrl = process.env.GONGKAI_URL;
const artifacts = process.env.GONGKAI_ARTIFACTS || path.join(here, 'artifacts');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
// Each navigation or wait gives up after this long: the server is on loopback.
const kTimeoutMs = 15000;

function signIn(envName, fallback) {
  const [name, ...rest] = (process.env[envName] || fallback).split(':');
  return { name, password: rest.join(':') };
}
const clerk = signIn('GONGKAI_CLERK', 'clerk:demo-clerk-2024');
const head = signIn('GONGKAI_HEAD', 'head:demo-head-2024');

// GB 11643-1999 check character: ISO 7064 MOD 11-2 over the first 17 digits, with weights
// 2^(17-i) mod 11 and the map 0→1, 1→0, 2→X, 3→9, … 10→2.
function residentIdCheckChar(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; ++i) sum += Number(first17[i]) * weights[i];
  return '10X98765432'[sum % 11];
}

// The citizen. 410402 is 平顶山市新华区; the number is invented but passes the check.
const citizen = {
  name: '李卫东',
  idNumber: '410402198506151237'.slice(0, 17) + residentIdCheckChar('41040219850615123'),
  phone: '13903751234',
  email: 'weidong.li@example.com',
  request: '2025年新华区老旧小区改造项目的资金使用明细及验收报告',
};

// A 1×1 PNG, as the identity proof the form requires (the server checks the magic bytes).
const kProofPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

// "2026年11月27日" or "2026-11-27" → "2026-11-27"; throws on anything else.
function isoDate(text) {
  const m = /(\d{4})\s*(?:年|-)\s*(\d{1,2})\s*(?:月|-)\s*(\d{1,2})/.exec(text);
  assert.ok(m, `no date in ${JSON.stringify(text)}`);
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

let context;
let page;
let userDataDir;
let shot = 0;
let failedStep = null;
// What the steps learn and later steps use.
const found = {};

async function screenshot(name) {
  shot += 1;
  const file = path.join(artifacts, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
}

// Runs `fn` as a named step unless an earlier one failed (then the step is reported skipped,
// naming the failure, and the run still fails because of that earlier step).
function step(name, fn) {
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

async function goto(urlPath) {
  const response = await page.goto(new URL(urlPath, baseUrl).href);
  assert.ok(response, `no response for ${urlPath}`);
  assert.equal(response.status(), 200, `GET ${urlPath} answered ${response.status()}`);
  return response;
}

// Clicks a submit button and waits for the page the POST (and its redirect) leads to.
async function submit(button) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    button.click(),
  ]);
  assert.ok(response, 'the form submission did not load a page');
  return response;
}

async function heading() {
  return (await page.locator('main h1').first().innerText()).trim();
}

async function errorText() {
  const errors = page.locator('main .errors, main .error');
  return (await errors.count()) ? (await errors.allInnerTexts()).join(' | ') : '';
}

async function signInAs(user) {
  await goto('/office/login');
  await page.locator('#name').fill(user.name);
  await page.locator('#password').fill(user.password);
  const response = await submit(page.getByRole('button', { name: '登录' }));
  assert.equal(response.status(), 200, `sign-in of ${user.name}: ${await errorText()}`);
  assert.ok(
    await page.locator('header .who').filter({ hasText: user.name }).count(),
    `after signing in as ${user.name} the header does not name the user (${await errorText()})`,
  );
}

async function signOut() {
  await submit(page.locator('header').getByRole('button', { name: '退出' }));
  assert.equal(await page.locator('header .who').count(), 0, 'still signed in after 退出');
}

// Table 三 of a report page as {headers, rows: Map(label → cells)}: the national layout, whose
// header rows hold only <th> (申请人情况 over 自然人, 法人或其他组织 over its five kinds, 总计) and
// whose data rows end their labels with a <th scope="row"> followed by the seven counts.
async function tableB() {
  const table = await page.evaluate(() => {
    const h2 = [...document.querySelectorAll('main h2')].find((h) =>
      h.textContent.includes('收到和处理政府信息公开申请情况'),
    );
    if (!h2) return null;
    let el = h2.nextElementSibling;
    while (el && !el.querySelector('table') && el.tagName !== 'TABLE') el = el.nextElementSibling;
    const t = el && (el.tagName === 'TABLE' ? el : el.querySelector('table'));
    if (!t) return null;
    const trs = [...t.querySelectorAll('tr')];
    const headers = trs
      .filter((tr) => tr.querySelector('td') === null)
      .flatMap((tr) => [...tr.querySelectorAll('th')].map((th) => th.textContent.trim()));
    const rows = trs
      .filter((tr) => tr.querySelector('td') !== null)
      .map((tr) => {
        const labels = [...tr.querySelectorAll('th[scope="row"]')];
        return [
          labels[labels.length - 1].textContent.trim(),
          [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
        ];
      });
    return { headers, rows };
  });
  assert.ok(table, 'the report page has no table 三、收到和处理政府信息公开申请情况');
  return { headers: table.headers, rows: new Map(table.rows) };
}

// The 自然人 cells of the rows 一、本年新收 and （一）予以公开, as numbers. 自然人 is the first of the
// seven count columns in the national format.
async function naturalPersonCells() {
  const { headers, rows } = await tableB();
  assert.ok(headers.includes('自然人'), `table 三 has no 自然人 column: ${headers.join(', ')}`);
  const cell = (label) => {
    const row = rows.get(label);
    assert.ok(row, `table 三 has no row ${label}; rows: ${[...rows.keys()].join(', ')}`);
    assert.equal(row.length, 7, `${label} has ${row.length} counts, not 7`);
    assert.match(row[0], /^\d+$/, `${label} / 自然人 is not a count: ${JSON.stringify(row[0])}`);
    return Number(row[0]);
  };
  return { newCases: cell('一、本年新收政府信息公开申请数量'), granted: cell('（一）予以公开') };
}

// Opens the office report of the running year for the agency under test.
async function openOfficeReport() {
  await goto('/office/reports');
  const row = page.locator('main table tr').filter({ hasText: found.agencyName });
  const link = row.getByRole('link', { name: found.year, exact: true });
  assert.equal(await link.count(), 1, `no ${found.year} report link for ${found.agencyName}`);
  await Promise.all([page.waitForNavigation(), link.click()]);
  assert.match(await heading(), new RegExp(`${found.year} 年政府信息公开工作年度报告`));
}

// Opens the case page from the queue of the agency under test, found with the queue's search by
// number (the queue pages through every case, most urgent first; a new case may be on a later page).
async function openCaseFromQueue() {
  await goto(`/office?agency=${found.agencyId}&q=${encodeURIComponent(found.number)}`);
  const link = page.locator('main table.cases').getByRole('link', { name: found.number, exact: true });
  assert.ok(
    (await link.count()) >= 1,
    `case ${found.number} is not in the queue of ${found.agencyName}`,
  );
  await Promise.all([page.waitForNavigation(), link.first().click()]);
  assert.match(await heading(), new RegExp(`案件 ${found.number}`));
}

// Opens the step form whose summary is `label`, fills it and submits it.
async function recordStep(label, fill, buttonName) {
  const details = page.locator('details.step').filter({
    has: page.locator('summary', { hasText: label }),
  });
  assert.equal(await details.count(), 1, `the case page offers no step ${label}`);
  await details.locator('summary').click();
  await fill(details);
  const response = await submit(details.getByRole('button', { name: buttonName }));
  assert.equal(response.status(), 200, `recording ${label}: ${await errorText()}`);
  assert.equal(await errorText(), '', `recording ${label} was refused`);
  assert.ok(page.url().includes(`/cases/${found.number}`), `after ${label}: ${page.url()}`);
}

async function caseStatus() {
  return (await page.locator('main h1 .status').innerText()).trim();
}

before(async () => {
  assert.ok(baseUrl, 'GONGKAI_URL is not set: run scripts/browser-test.sh BUILD_DIR');
  mkdirSync(artifacts, { recursive: true });
  userDataDir = mkdtempSync(path.join(tmpdir(), 'gongkai-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  context.setDefaultTimeout(kTimeoutMs);
  context.setDefaultNavigationTimeout(kTimeoutMs);
  page = context.pages()[0] || (await context.newPage());
});

after(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

test('the GB 11643 check character of the test is right (standard example 11010519491231002X)', () => {
  assert.equal(residentIdCheckChar('11010519491231002'), 'X');
  assert.equal(citizen.idNumber.length, 18);
});

step('the portal home page links to apply, track and the reports', async () => {
  await goto('/');
  assert.equal(await heading(), '政府信息公开');
  for (const name of ['在线申请', '进度查询', '年度报告']) {
    assert.ok(await page.getByRole('link', { name }).count(), `the home page has no link ${name}`);
  }
  await screenshot('portal-home');
});

step('a clerk signs in and reads the 自然人 counts of this year\'s report before the test', async () => {
  await signInAs(clerk);
  assert.match(await heading(), /^案件队列/);
  found.agencyName = (await heading()).replace(/^案件队列\s*·\s*/, '');
  found.agencyId = await page.locator('form.filters input[name="agency"]').inputValue();
  assert.match(found.agencyId, /^\d+$/, 'the queue does not name its agency id');
  found.year = await page.evaluate(() =>
    String(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4)),
  );
  await openOfficeReport();
  found.before = await naturalPersonCells();
  await screenshot('report-before');
  await signOut();
});

step('a citizen applies online and gets a case number and query code', async () => {
  await goto('/');
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '在线申请' }).first().click()]);
  assert.equal(await heading(), '政府信息公开申请');
  // PIPL Art. 17: what is collected, why and for how long, before the applicant submits.
  const privacy = page.getByRole('region', { name: '个人信息保护告知' });
  assert.ok(await privacy.isVisible(), 'no personal-information notice on the form');
  const notice = await privacy.innerText();
  for (const part of ['收集什么', '为什么收集', '保存多久', '第二十九条']) {
    assert.ok(notice.includes(part), `the personal-information notice lacks ${part}`);
  }
  await page.locator('#agency').selectOption({ label: found.agencyName });
  await page.locator('#applicant_kind').selectOption({ label: '自然人' });
  await page.locator('#name').fill(citizen.name);
  await page.locator('#phone').fill(citizen.phone);
  await page.locator('#email').fill(citizen.email);
  await page.locator('#id_type').selectOption({ label: '居民身份证' });
  await page.locator('#id_number').fill(citizen.idNumber);
  await page.locator('#id_proof').setInputFiles({
    name: 'id-card.png',
    mimeType: 'image/png',
    buffer: kProofPng,
  });
  await page.locator('#description').fill(citizen.request);
  // Each radio group is announced with its question (a fieldset and its legend).
  await page.getByRole('group', { name: '信息的提供形式' }).getByLabel('电子数据', { exact: true }).check();
  await page.getByRole('group', { name: '获取信息的方式' }).getByLabel('电子邮件', { exact: true }).check();
  await screenshot('apply-filled');
  const response = await submit(page.getByRole('button', { name: '提交申请' }));
  assert.equal(response.status(), 200, `the application was refused: ${await errorText()}`);
  assert.equal(await heading(), '申请已提交');
  const receipt = page.locator('dl.receipt');
  found.number = (await receipt.locator('dd.code').nth(0).innerText()).trim();
  found.code = (await receipt.locator('dd.code').nth(1).innerText()).trim();
  assert.ok(found.number.length > 0, 'no case number on the receipt');
  assert.ok(found.code.length >= 6, `query code too short: ${found.code}`);
  found.received = isoDate(await page.locator('main .notice strong').first().innerText());
  assert.equal(found.received.slice(0, 4), found.year);
  const due = await receipt.locator('dt:has-text("答复期限") + dd').innerText();
  found.due = isoDate(due);
  // Art. 33: 20 working days are at least 26 calendar days and (with the longest holiday,
  // 国庆 and 中秋 together) at most 40.
  assert.ok(found.due >= addDays(found.received, 26), `due ${found.due} is too early`);
  assert.ok(found.due <= addDays(found.received, 40), `due ${found.due} is too late`);
  await screenshot('apply-receipt');
});

step('the deadline calculator agrees with the receipt\'s due date', async () => {
  await goto(`/deadline?start=${found.received}&days=20`);
  const due = await page.locator('main .notice strong').first().innerText();
  assert.equal(isoDate(due), found.due);
});

// Tracks the case as the applicant does and returns the page's HTML.
async function track() {
  await goto('/track');
  await page.locator('#agency').selectOption({ label: found.agencyName });
  await page.locator('#number').fill(found.number);
  await page.locator('#code').fill(found.code);
  const response = await submit(page.getByRole('button', { name: '查询' }));
  assert.equal(response.status(), 200, `tracking was refused: ${await errorText()}`);
  assert.equal(await heading(), `案件 ${found.number}`);
  const html = await page.content();
  // The public page never shows personal data in full (masked or not at all).
  for (const [what, value] of [
    ['ID number', citizen.idNumber],
    ['ID number without its check character', citizen.idNumber.slice(0, 17)],
    ['phone', citizen.phone],
    ['e-mail', citizen.email],
    ['name', citizen.name],
  ]) {
    assert.ok(!html.includes(value), `the tracking page shows the applicant's full ${what}`);
  }
  return html;
}

function fact(label) {
  return page.locator(`dl.facts dt:text-is("${label}") + dd`);
}

step('the citizen tracks the case and sees its status and deadline', async () => {
  await track();
  assert.equal((await fact('当前状态').innerText()).trim(), '办理中');
  const due = await fact('答复期限').innerText();
  assert.equal(isoDate(due), found.due);
  assert.match(due, /还剩 \d+ 个工作日/);
  assert.equal((await fact('申请人').innerText()).trim(), `${citizen.name[0]}**`);
  await screenshot('track-in-progress');
});

step('a clerk signs in, finds the case in the queue and sends a 补正 notice', async () => {
  await signInAs(clerk);
  await screenshot('queue');
  await openCaseFromQueue();
  assert.equal(await caseStatus(), '办理中');
  // Staff see the applicant's details in full.
  assert.ok((await page.content()).includes(citizen.idNumber), 'the case page lacks the ID number');
  await recordStep(
    '补正告知',
    async (form) => {
      await form.locator('#correction_requested-deadline').fill(addDays(found.received, 15));
      await form
        .locator('#correction_requested-items')
        .fill('请写明所需资金明细对应的小区名称\n请说明验收报告的年份');
    },
    '记录',
  );
  assert.equal(await caseStatus(), '待补正');
  await screenshot('case-correction-requested');
});

step('the clerk records the applicant\'s 补正 answer', async () => {
  await recordStep('收到补正', async () => {}, '记录');
  assert.equal(await caseStatus(), '办理中');
  await screenshot('case-correction-received');
});

step('the clerk proposes the answer 予以公开 for the head to approve', async () => {
  await recordStep(
    '作出答复',
    async (form) => {
      await form.locator('#answered-outcome').selectOption({ label: '予以公开' });
      await form.locator('#answered-reason').fill('所申请信息属于应当公开的政府信息');
    },
    '提交负责人审批',
  );
  assert.match(await page.locator('main .notice').first().innerText(), /已提交负责人审批/);
  const proposal = page.locator('.proposal').filter({ hasText: '予以公开' });
  assert.equal(await proposal.count(), 1, 'the proposal is not shown on the case page');
  // A clerk cannot approve their own proposal.
  assert.equal(await proposal.getByRole('button', { name: '批准并记录' }).count(), 0);
  assert.equal(await caseStatus(), '办理中');
  await screenshot('case-proposed');
  await signOut();
});

step('the head signs in and approves the answer', async () => {
  await signInAs(head);
  await openCaseFromQueue();
  const proposal = page.locator('.proposal').filter({ hasText: '予以公开' });
  assert.equal(await proposal.count(), 1, 'the head does not see the clerk\'s proposal');
  await screenshot('case-to-approve');
  const response = await submit(proposal.getByRole('button', { name: '批准并记录' }));
  assert.equal(response.status(), 200, `approval refused: ${await errorText()}`);
  assert.equal(await caseStatus(), '已答复');
  assert.equal(await page.locator('.proposal').count(), 0, 'the proposal is still open');
  const timeline = await page.locator('ol.timeline').innerText();
  for (const label of ['收到申请', '补正告知', '收到补正', '作出答复']) {
    assert.ok(timeline.includes(label), `the timeline lacks ${label}: ${timeline}`);
  }
  await screenshot('case-answered');
});

step('this year\'s report counts the case as new and granted for 自然人', async () => {
  await openOfficeReport();
  const now = await naturalPersonCells();
  await screenshot('report-after');
  assert.deepEqual(now, {
    newCases: found.before.newCases + 1,
    granted: found.before.granted + 1,
  });
  await signOut();
});

step('the citizen tracks the case again and sees the answer, still masked', async () => {
  await track();
  assert.equal((await fact('当前状态').innerText()).trim(), '已答复');
  assert.equal((await fact('办理结果').innerText()).trim(), '予以公开');
  await screenshot('track-answered');
});
