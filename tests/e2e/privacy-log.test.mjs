// The log nobody can quietly change (issue 18, part A), in the browser: the privacy officer
// opens "Logboek controleren", runs a check and sees its outcome; after someone changes a row
// in the database directly (as an attacker with access to the file would), the next check finds
// it and the admin's start page raises the alert naming the row. Every page checked with axe,
// at 1366 and 390 px.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { expectAccessible, expectNoHorizontalScroll, newPage, screenshot, setUp, submitForm, submitLogin, users } from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

/** SQL on the demo database, with sqlite3, around the application. */
function sql(statement) {
  return execFileSync('sqlite3', ['-bail', '-cmd', '.timeout 10000', join(server.dir, 'demo.db'), statement], { encoding: 'utf8' }).trim();
}

test('the privacy officer checks the log; a row changed in the database is named on the privacy and admin pages', async () => {
  for (const width of [1366, 390]) {
    const { context, page } = await newPage(browser, server, { viewport: { width, height: 900 } });
    try {
      await submitLogin(page, users.privacy);
      await page.goto('/privacy');
      await Promise.all([page.waitForURL(/\/privacy\/log$/), page.getByRole('link', { name: 'Logboek controleren' }).click()]);
      assert.match(await page.locator('h1').innerText(), /Logboek controleren/);
      const response = await submitForm(page, 'Nu controleren');
      assert.equal(response.status(), 200);
      assert.match(new URL(page.url()).pathname, /^\/privacy\/log$/);
      assert.match(await page.locator('#done').innerText(), /Het logboek is gecontroleerd: alles is in orde/);
      const first = page.locator('#verifications-table tbody tr').first();
      assert.match(await first.innerText(), /In orde/);
      assert.equal(await page.locator('#integrity-alert').count(), 0, 'no alert while the log is whole');
      assert.equal(await page.getByRole('link', { name: /Eindpunten downloaden/ }).count(), 1);
      await expectAccessible(page, `privacy log at ${width}`);
      await expectNoHorizontalScroll(page, `privacy log at ${width}`);
      await screenshot(page, `privacy-log-${width}`);
    } finally {
      await context.close();
    }
  }

  // Someone with access to the database file changes a row's detail, the guard dropped first.
  const row = Number(sql('SELECT id FROM audit_log WHERE chain = 0 ORDER BY seq LIMIT 1 OFFSET 9'));
  assert.ok(row > 0, 'a row to change');
  sql(`DROP TRIGGER IF EXISTS audit_log_no_update; UPDATE audit_log SET detail = '{"vervalst":true}' WHERE id = ${row};`);

  {
    const { context, page } = await newPage(browser, server, { viewport: { width: 1366, height: 900 } });
    try {
      await submitLogin(page, users.privacy);
      await page.goto('/privacy/log');
      await submitForm(page, 'Nu controleren');
      assert.match(await page.locator('#done').innerText(), /er klopt iets niet/);
      const alert = page.locator('#integrity-alert');
      assert.match(await alert.innerText(), new RegExp(`regel ${row} \\(keten 0`));
      assert.match(await alert.innerText(), /De toelichting is veranderd/);
      await expectAccessible(page, 'privacy log with a break');
      await screenshot(page, 'privacy-log-broken');
    } finally {
      await context.close();
    }
  }

  for (const width of [1366, 390]) {
    const { context, page } = await newPage(browser, server, { viewport: { width, height: 900 } });
    try {
      await submitLogin(page, users.admin);
      await page.goto('/admin');
      const alert = page.locator('#integrity-alert');
      assert.match(await alert.innerText(), /Het logboek is buiten het programma om veranderd/);
      assert.match(await alert.innerText(), new RegExp(`regel ${row} `));
      assert.match(await alert.innerText(), /Wat moet u doen\?/);
      await expectAccessible(page, `admin start with the alert at ${width}`);
      await expectNoHorizontalScroll(page, `admin start at ${width}`);
      await screenshot(page, `privacy-log-admin-alert-${width}`);
    } finally {
      await context.close();
    }
  }
});
