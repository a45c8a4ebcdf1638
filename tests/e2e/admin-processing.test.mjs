// The processing register in the browser (decision 0027): the admin edits an activity's texts
// (an empty name is shown beside its field first), the change becomes a new version and is in
// the admin log; the privacy officer reads the same register from /privacy, without links to
// change it. Every page checked with axe, at 1366 and 390 px.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectAccessible, expectFieldError, expectNoHorizontalScroll, newPage, screenshot, setUp, submitForm, submitLogin, uniqueName, users } from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

test('an admin edits a processing activity; the privacy officer reads the register', async () => {
  for (const width of [1366, 390]) {
    const retention = uniqueName(`20 jaar na de laatste wijziging (${width})`);
    const { context, page } = await newPage(browser, server, { viewport: { width, height: 900 } });
    try {
      await page.goto('/login');
      await submitLogin(page, users.admin);
      await page.goto('/admin');
      await Promise.all([page.waitForURL(/\/admin\/processing$/), page.getByRole('link', { name: 'Verwerkingsregister' }).click()]);
      const register = await page.locator('#processing').innerText();
      assert.match(register, /Ondersteuning van gezinnen/);
      assert.match(register, /AVG art\. 6 lid 1 sub e/);
      await expectAccessible(page, `register (${width})`);
      await expectNoHorizontalScroll(page, `register (${width})`);
      await screenshot(page, `admin-processing-${width}`);
      const version = Number((await page.locator('#activity-family-support').innerText()).match(/versie (\d+)/)[1]);

      await Promise.all([
        page.waitForURL(/\/admin\/processing\/family-support$/),
        page.locator('#activity-family-support').getByRole('link', { name: 'Ondersteuning van gezinnen' }).click(),
      ]);
      // An emptied name is refused, beside its field and in the summary.
      await page.fill('#processing-name_nl', '');
      let response = await submitForm(page, 'Opslaan');
      assert.equal(response.status(), 422);
      await expectFieldError(page, 'processing-name_nl');
      await expectAccessible(page, `edit with an error (${width})`);
      await screenshot(page, `admin-processing-edit-${width}`);
      await page.fill('#processing-name_nl', 'Ondersteuning van gezinnen');
      await page.fill('#processing-retention', retention);
      response = await submitForm(page, 'Opslaan');
      assert.equal(response.status(), 200);
      assert.match(new URL(page.url()).pathname, /^\/admin\/processing$/);
      assert.match(await page.locator('#done').innerText(), /opgeslagen als nieuwe versie/);
      const row = await page.locator('#activity-family-support').innerText();
      assert.match(row, new RegExp(`versie ${version + 1}`));
      assert.ok(row.includes(retention), row);
      await expectAccessible(page, `register after the change (${width})`);

      // In the admin log, with before and after.
      await page.goto('/admin/audit?action=processing_activity.changed');
      assert.ok((await page.locator('#admin-log').innerText()).includes(retention));
    } finally {
      await context.close();
    }

    // The privacy officer reads the register, the change included, and cannot edit it.
    const { context: ctx, page: fg } = await newPage(browser, server, { viewport: { width, height: 900 } });
    try {
      await fg.goto('/login');
      await submitLogin(fg, users.privacy);
      await fg.goto('/privacy');
      await Promise.all([fg.waitForURL(/\/privacy\/processing$/), fg.getByRole('link', { name: 'Verwerkingsregister' }).click()]);
      const row = await fg.locator('#activity-family-support').innerText();
      assert.ok(row.includes(retention), row);
      assert.equal(await fg.locator('#processing a').count(), 0, 'no links to change it');
      await expectAccessible(fg, `register for the privacy officer (${width})`);
      await expectNoHorizontalScroll(fg, `register for the privacy officer (${width})`);
      await screenshot(fg, `privacy-processing-${width}`);
      const refused = await fg.goto('/admin/processing/family-support');
      assert.equal(refused.status(), 403);
    } finally {
      await ctx.close();
    }
  }
});
