// Data repair in the browser (decision 0020): a team manager merges a family registered twice
// and voids a referral registered by mistake, from the case file; the admin sees what was
// repaired (ids and counts, no client data) and reads the admin log, filtered. Every page
// checked with axe, at 1366 and 390 px.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectAccessible, isoDate, expectFieldError, expectNoHorizontalScroll, login, newPage, screenshot, setUp, submitForm, submitLogin, uniqueName, users } from './helpers.mjs';
import { registerHousehold, registerReferral } from './flows.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

const FAMILY = uniqueName('Dubbelaar');

test('a team manager merges a family registered twice and voids the referral registered by mistake', async () => {
  const { context, page } = await newPage(browser, server, { viewport: { width: 1366, height: 900 } });
  try {
    await login(page, users.manager1);
    // The same family registered twice (the form warns; saved anyway), each with a referral.
    const first = await registerHousehold(page, { familyName: FAMILY, child: 'Bram' });
    const firstCase = await registerReferral(page, first);
    const second = await registerHousehold(page, { familyName: FAMILY, child: 'Bram' });
    const secondCase = await registerReferral(page, second);

    // From the first case file: merge the other registration into this household.
    await page.goto(`/cases/${firstCase}`);
    await Promise.all([page.waitForURL(/\/households\/\d+\/merge$/), page.getByRole('link', { name: 'Dubbel geregistreerd gezin samenvoegen' }).click()]);
    assert.match(await page.locator('h1').innerText(), /Dubbel geregistreerd gezin samenvoegen/);
    // Nothing chosen: the error is beside the choice and in the summary.
    let response = await submitForm(page, 'Samenvoegen');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'merged_household_id', 'Vul dit in');
    const candidate = page.locator('fieldset .bt-card', { hasText: FAMILY }).first();
    assert.match(await candidate.innerText(), /Mogelijk dezelfde persoon/);
    await expectAccessible(page, 'merge page');
    await screenshot(page, 'repair-merge');
    await candidate.getByRole('radio').check();
    response = await submitForm(page, 'Samenvoegen');
    assert.equal(response.status(), 200);
    assert.match(await page.locator('#done').innerText(), /De huishoudens zijn samengevoegd/);

    // The second referral was the mistake: void it, with a reason.
    await page.goto(`/cases/${secondCase}`);
    await Promise.all([page.waitForURL(/\/void$/), page.getByRole('link', { name: /Aanmelding laten vervallen/ }).click()]);
    response = await submitForm(page, 'Aanmelding laten vervallen');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'reason_code');
    await expectFieldError(page, 'reason');
    await expectAccessible(page, 'void form with errors');
    await screenshot(page, 'repair-void');
    await page.selectOption('#reason_code', 'duplicate');
    await page.fill('#reason', 'Twee keer aangemeld door dezelfde school.');
    response = await submitForm(page, 'Aanmelding laten vervallen');
    assert.equal(response.status(), 200);
    assert.match(new URL(page.url()).pathname, new RegExp(`^/cases/${secondCase}$`));
    assert.match(await page.locator('#voided').innerText(), /vervallen: Dubbel geregistreerd/);
    assert.match(await page.locator('.utrecht-status-badge').first().innerText(), /Vervallen/);
    assert.match(await page.locator('main').innerText(), /Twee keer aangemeld door dezelfde school/, 'in the history');
    assert.equal(await page.getByRole('link', { name: /Aanmelding laten vervallen/ }).count(), 0);
    await expectAccessible(page, 'voided case file');
    await screenshot(page, 'repair-voided-case');
    // Gone from the worklist.
    await page.goto('/');
    assert.equal(await page.locator(`a[href="/cases/${secondCase}"]`).count(), 0, 'a voided referral is on no list');
  } finally {
    await context.close();
  }

  // The admin sees the repairs in numbers only, and the admin log.
  for (const width of [1366, 390]) {
    const { context: ctx, page: admin } = await newPage(browser, server, { viewport: { width, height: 900 } });
    try {
      await admin.goto('/login');
      await submitLogin(admin, users.admin);
      await admin.goto('/admin/repair');
      const repairs = await admin.locator('#repairs').innerText();
      assert.match(repairs, /Aanmelding \d+ vervallen/);
      assert.match(repairs, /samengevoegd met huishouden \d+/);
      assert.match(repairs, /2 gezinsleden en 1 begeleiding verplaatst/);
      assert.doesNotMatch(await admin.locator('main').innerText(), new RegExp(FAMILY), 'no client data in the admin area');
      await expectAccessible(admin, `admin repair (${width})`);
      await expectNoHorizontalScroll(admin, `admin repair (${width})`);
      await screenshot(admin, `admin-repair-${width}`);

      // An admin change to find in the log: a closure day (through the API, same session).
      const day = isoDate(width === 1366 ? 40 : 41);
      const added = await admin.request.post('/api/v1/closure-days', { data: { day, description: 'Dicht' } });
      assert.equal(added.status(), 201);
      await admin.goto('/admin/audit');
      assert.match(await admin.locator('p[role=status]').innerText(), /gevonden/);
      await admin.selectOption('#action', 'closure_day.added');
      await submitForm(admin, 'Tonen');
      assert.match(admin.url(), /action=closure_day.added/);
      const log = await admin.locator('#admin-log').innerText();
      assert.match(log, /Sluitingsdag toegevoegd/);
      assert.match(log, new RegExp(`Dag\\s*— → ${day}`));
      assert.doesNotMatch(log, /Dossier bekeken|samengevoegd|vervallen/i, 'no client reads or repairs');
      await expectAccessible(admin, `admin log (${width})`);
      await expectNoHorizontalScroll(admin, `admin log (${width})`);
      await screenshot(admin, `admin-audit-${width}`);
      // A period that ends before it begins is shown beside its field.
      await admin.goto('/admin/audit?from=2031-03-05&to=2031-03-04');
      await expectAccessible(admin, `admin log with an error (${width})`);
    } finally {
      await ctx.close();
    }
  }
});
