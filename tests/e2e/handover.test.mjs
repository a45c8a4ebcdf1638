// Handing cases over in the browser (decision 0037): a team manager hands a chosen case of a
// worker over on the team's "Overdracht" page, then one case from its own "Overdragen" page
// with a stand-in, and reads "Wie had deze begeleiding" on the file. Every page checked with
// axe, at a desk (1366 px) and on a phone (390 px).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectAccessible, expectNoHorizontalScroll, isoDate, login, newPage, screenshot, setUp, submitForm, users } from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

test('a team manager hands one case of a worker over from the team page, then a stand-in on a file', async () => {
  const { context, page } = await newPage(browser, server, { viewport: { width: 1366, height: 900 } });
  try {
    await login(page, users.manager1);
    // From the worklist to the caseload, and on to the team's handover page.
    const caseload = page.locator('a[href$="/caseload"]').first();
    await Promise.all([page.waitForURL(/\/caseload$/), caseload.click()]);
    await Promise.all([page.waitForURL(/\/handover$/), page.getByRole('link', { name: 'Overdracht van een gezinswerker' }).click()]);
    await expectAccessible(page, 'team handover');

    // The worker with the most options: pick the first worker who has cases.
    const workers = await page.locator('#from-worker option').evaluateAll((os) => os.map((o) => o.value));
    let from = null;
    for (const w of workers) {
      await page.selectOption('#from-worker', w);
      await submitForm(page, 'Toon dossiers');
      if ((await page.locator('input[name="case_ids"]').count()) >= 2) {
        from = w;
        break;
      }
    }
    assert.ok(from, 'a worker of the team has at least two open cases');
    await expectAccessible(page, 'team handover with cases');
    await screenshot(page, 'handover-team');
    const boxes = page.locator('input[name="case_ids"]');
    const total = await boxes.count();
    const kept = await boxes.first().getAttribute('value');
    // Hand over only the first: the others are unchecked.
    for (let i = 1; i < total; i++) await boxes.nth(i).uncheck();
    const to = await page.locator('#to-worker option').first().textContent();
    await submitForm(page, 'Overdragen');
    assert.match(await page.locator('.bt-notice').innerText(), /^1 dossiers zijn overgedragen\./);
    assert.equal(await page.locator('input[name="case_ids"]').count(), total - 1, 'the case left this worker');

    // The case's file names the new worker in its history.
    await page.goto(`/cases/${kept}`);
    const holders = await page.locator('#holders').innerText();
    assert.ok(holders.includes(to.trim()), `${holders} names ${to}`);
    await expectAccessible(page, 'family file with its history');
  } finally {
    await context.close();
  }
});

test('the handover page of one case on a phone: a stand-in for a week', async () => {
  const { context, page } = await newPage(browser, server, { viewport: { width: 390, height: 844 } });
  try {
    await login(page, users.manager1);
    const caseload = page.locator('a[href$="/caseload"]').first();
    await Promise.all([page.waitForURL(/\/caseload$/), caseload.click()]);
    const file = await page.locator('.bt-caseload__list a[href^="/cases/"]').first().getAttribute('href');
    const id = file.match(/\/cases\/(\d+)/)[1];
    await page.goto(`/cases/${id}`);
    await Promise.all([page.waitForURL(/\/handover$/), page.getByRole('link', { name: 'Overdragen', exact: true }).click()]);
    await expectAccessible(page, 'case handover on a phone');
    await expectNoHorizontalScroll(page, 'case handover on a phone');

    // A stand-in whose last day is before the first: refused, in Dutch, nothing saved.
    const before = await page.locator('#holders li').count();
    const standIn = await page.locator('#stand-in-worker option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
    const worker = await page.locator('#current').innerText();
    const pick = standIn.find(([, name]) => !worker.includes(name)) ?? standIn[0];
    await page.selectOption('#stand-in-worker', pick[0]);
    await page.fill('#stand-in-from', isoDate(0));
    await page.fill('#stand-in-until', isoDate(-1));
    await submitForm(page, 'Waarnemer vastleggen');
    assert.match(await page.locator('.bt-errors').innerText(), /Overdragen lukte niet/);
    await expectAccessible(page, 'stand-in refused');

    await page.fill('#stand-in-from', isoDate(0));
    await page.fill('#stand-in-until', isoDate(7));
    await submitForm(page, 'Waarnemer vastleggen');
    assert.equal(await page.locator('#holders li').count(), before + 1);
    assert.match(await page.locator('#holders').innerText(), new RegExp(`${pick[1].trim()} \\(waarnemer\\)`));
    await screenshot(page, 'handover-case-phone');
  } finally {
    await context.close();
  }
});
