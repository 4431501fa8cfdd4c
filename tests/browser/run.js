// tests/browser/run.js URL OUTDIR SAMPLE — drives xxgk serve in Debian's
// chromium through puppeteer-core: typing into the editor's cells updates
// the totals and the findings at their cells; every page is
// photographed into OUTDIR; no console error, no CSP refusal, no script
// error on any page. Users (made by tests/serve_browser.sh): clerk1,
// sup, admin.
'use strict';
const puppeteer = require('puppeteer-core');
const assert = require('assert');

const [url, outdir, sample] = process.argv.slice(2);
const problems = [];

async function shot(page, name) {
  await page.screenshot({ path: `${outdir}/${name}.png`, fullPage: true });
  console.log(`ok: screenshot ${name}.png`);
}

async function login(page, name, password) {
  await page.goto(url + '/login');
  await page.type('#name', name);
  await page.type('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('form.login button[type=submit]')]);
  assert.ok(!page.url().endsWith('/login'), `login of ${name} failed`);
}

async function logout(page) {
  await Promise.all([page.waitForNavigation(), page.click('form.who button[type=submit]')]);
}

const cell = (key) => `[id="c-${key}"]`;
const marks = (key) => `[id="m-${key}"]`;

async function setCell(page, key, text) {
  await page.focus(cell(key));
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  if (text !== '') await page.keyboard.type(text);
}

async function value(page, key) {
  return page.$eval(cell(key), (e) => e.value);
}

// waits until the live check has answered with the mark expected at a cell
async function waitMark(page, key, severity, present) {
  await page.waitForFunction(
    (sel, sev, want) => {
      const m = document.querySelector(sel);
      const has = !!(m && m.querySelector('.mark.live.' + sev));
      return has === want && document.querySelector('#live p') !== null;
    },
    { timeout: 10000 }, marks(key), severity, present);
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--lang=zh-CN'],
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on('console', (m) => {
    if (m.type() === 'error' || /Refused to|Content Security Policy/.test(m.text()))
      problems.push(`console on ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`script error on ${page.url()}: ${e.message}`));

  await page.goto(url + '/login');
  await shot(page, '01-login');
  // keyboard: the first Tab reaches the skip link, which is then visible
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.className);
  assert.strictEqual(focused, 'skip', 'the first Tab should reach the skip link');
  await login(page, 'clerk1', 'clerk-pass-1');
  await shot(page, '02-home-clerk');

  // ---- the editor ----------------------------------------------------------
  await page.goto(url + '/write?year=2024');
  await page.waitForSelector('#editor[data-ready="1"]');
  await shot(page, '03-editor');
  await setCell(page, 't3.new.natural', '3');
  assert.strictEqual(await value(page, 't3.new.total'), '3', 'the row total follows its parts');
  await setCell(page, 't3.new.business', '2');
  assert.strictEqual(await value(page, 't3.new.total'), '5', 'the row total adds the parts');
  // nothing answered yet: 本年新收 5 but no outcome, the balance is broken
  await page.waitForFunction(() => document.querySelector('#table-3 .mark.live.error'), { timeout: 10000 });
  console.log('ok: the broken balance is shown in table 三 as the clerk types');
  await setCell(page, 't3.granted.natural', '3');
  await setCell(page, 't3.partial.business', '2');
  assert.strictEqual(await value(page, 't3.total.total'), '5', 'totals of totals follow');
  assert.strictEqual(await value(page, 't3.granted.total'), '3');
  await page.waitForFunction(() => !document.querySelector('#table-3 .mark.live.error'), { timeout: 10000 });
  console.log('ok: the totals and the balance agree again: no error in table 三');
  // a total typed wrong is flagged at its cell, then fixed
  await setCell(page, 't3.new.total', '6');
  await waitMark(page, 't3.new.total', 'error', true);
  const title = await page.$eval(`${marks('t3.new.total')} .mark`, (e) => e.title);
  assert.ok(/总计/.test(title), `the mark says what is wrong: ${title}`);
  console.log('ok: a wrong total is flagged at its cell: ' + title);
  const box = await page.$('#table-3');
  await box.screenshot({ path: `${outdir}/04-editor-flagged-total.png` });
  console.log('ok: screenshot 04-editor-flagged-total.png');
  await setCell(page, 't3.new.total', '5');
  await waitMark(page, 't3.new.total', 'error', false);
  console.log('ok: the fixed total is no longer flagged');
  // focus is visible: an outline on a focused input
  await page.focus(cell('t3.new.natural'));
  const outline = await page.$eval(cell('t3.new.natural'), (e) => getComputedStyle(e).outlineStyle);
  assert.notStrictEqual(outline, 'none', 'a focused input shows an outline');
  await page.type('#s6', '');
  await Promise.all([page.waitForNavigation(), page.click('button[value=save]')]);
  assert.ok((await page.content()).includes('草稿已保存为新版本'), 'the draft was saved');
  assert.strictEqual(await value(page, 't3.total.total'), '5', 'the saved draft keeps the figures');
  await shot(page, '05-editor-saved');

  // ---- without JavaScript: the form posts, the server computes the totals ----
  const plain = await browser.newPage();
  await plain.setJavaScriptEnabled(false);
  await plain.setCookie(...(await page.cookies()));
  await plain.goto(url + '/write?year=2024');
  await plain.focus(cell('t3.carried_in.natural'));
  await plain.keyboard.type('0');          // 0 → "00": still zero
  await setCell(plain, 't3.carried_in.research', '4');
  await setCell(plain, 't3.carried_in.total', '');
  await setCell(plain, 't3.carried_out.research', '4');
  await setCell(plain, 't3.carried_out.total', '');
  await Promise.all([plain.waitForNavigation(), plain.click('button[value=save]')]);
  assert.strictEqual(await value(plain, 't3.carried_in.total'), '4', 'the server computed the blank total');
  assert.strictEqual(await value(plain, 't3.carried_out.total'), '4');
  console.log('ok: without JavaScript the saved draft has its totals computed by the server');
  await plain.close();

  // ---- check a report ----------------------------------------------------------
  await page.goto(url + '/check');
  await shot(page, '06-check-form');
  const input = await page.$('#report');
  await input.uploadFile(sample);
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  assert.ok((await page.content()).includes('t3-outcome-total'), 'the check finds t3-outcome-total');
  await shot(page, '07-check-result');

  // ---- the register ---------------------------------------------------------------
  await page.goto(url + '/cases/new');
  await page.type('#received', '09132024'); // a date input takes the locale's order (mm/dd/yyyy)
  await page.select('#applicant', 'natural');
  await page.type('#subject', '低保名单');
  await page.type('#id_number', '110101199001011234');
  await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
  assert.ok(/\/cases\/\d+$/.test(page.url()), `a case page after registering: ${page.url()}`);
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  await shot(page, '08-case');
  await page.goto(url + '/cases?year=2024');
  await shot(page, '09-cases');
  await page.goto(url + '/cases/tables?year=2024');
  await shot(page, '10-register-tables');
  await page.goto(url + '/rules');
  await shot(page, '11-rules');
  await logout(page);

  // ---- the supervisor, the admin --------------------------------------------------------
  await login(page, 'sup', 'sup-pass-001');
  await page.goto(url + '/desk?year=2020');
  await shot(page, '12-desk');
  await logout(page);
  await login(page, 'admin', 'admin-pass-1');
  await page.goto(url + '/admin');
  await shot(page, '13-admin');
  await page.goto(url + '/admin/audit');
  await shot(page, '14-audit');
  await browser.close();
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log('browser: all passed');
})().catch((e) => {
  console.error('FAIL:', e && e.stack ? e.stack : e);
  if (problems.length) console.error(problems.join('\n'));
  process.exit(1);
});
