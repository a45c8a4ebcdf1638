// A partner organisation's own page (issue 15 part 3, decision 0041): an admin makes an account
// for a GP practice; the practice logs in and lands on /partner; a referral without consent is
// refused beside the consent field and nothing is saved; a family of four in four of the six
// member rows; a postcode in no postcode area asks for the district beside its select; with consent it is listed as
// "ontvangen"; the worklist and a case stay closed to it. Zero axe violations, screenshots at
// 1366 and 390 px.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  api,
  apiAs,
  checkBothWidths,
  expectFieldError,
  isoDate,
  login,
  newPage,
  setUp,
  submitForm,
  uniqueName,
  users,
} from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

test('a GP practice refers a family with consent on its own page and reaches nothing else', async () => {
  const admin = await apiAs(browser, server, users.admin);
  const districts = await api(admin, 'GET', '/api/v1/districts', undefined, 200);
  const name = uniqueName('Huisartsenpraktijk De Linde');
  const partner = await api(admin, 'POST', '/api/v1/partners', { name, kind: 'gp_practice', district_ids: [districts.items[0].id] }, 201);
  const account = { email: `poh-${process.pid}@delinde.example`, password: 'een lange zin over de Vecht bij Zuilen' };
  await api(admin, 'POST', '/api/v1/users', { ...account, name: 'Mw. De Vries', role: 'partner', partner_id: partner.id }, 201);
  await admin.close();

  const { context, page } = await newPage(browser, server);
  try {
    await login(page, account.email, { expectPath: '/partner', password: account.password });
    const main = page.locator('main');
    assert.equal((await page.locator('h1').innerText()).trim(), name, 'the heading is the organisation');
    assert.match(await main.innerText(), /nog geen gezin aangemeld/);
    const nav = await page.locator('nav a').allInnerTexts();
    assert.ok(!nav.some((t) => /Werklijst|Zoeken|Nieuwe aanmelding/.test(t)), `only the partner's own menu: ${nav}`);
    await checkBothWidths(page, 'partner-start-empty');

    await Promise.all([page.waitForURL('**/partner/referrals/new'), page.getByRole('link', { name: 'Gezin aanmelden' }).click()]);
    await page.fill('#address-street', 'Zamenhofdreef');
    await page.fill('#address-house_number', '12');
    // A postcode in no postcode area the team knows: the district is asked for after sending.
    await page.fill('#address-postcode', '3999 ZZ');
    await page.fill('#address-city', 'Utrecht');
    assert.equal(await page.locator('#district_id').count(), 0, 'no district choice before it is needed');
    // A family of four in rows 1, 2, 4 and 5 (row 3 left empty), the two children clients.
    const family = [
      [0, 'Samira', '1986-03-14', 'parent', false],
      [1, 'Karim', '1984-07-01', 'parent', false],
      [3, 'Yassin', '2015-09-02', 'child', true],
      [4, 'Nora', '2018-11-20', 'child', true],
    ];
    for (const [row, given, born, role, client] of family) {
      await page.fill(`#members-${row}-given_name`, given);
      await page.fill(`#members-${row}-family_name`, 'El Amrani');
      await page.fill(`#members-${row}-birth_date`, born);
      await page.selectOption(`#members-${row}-role`, role);
      if (client) await page.locator(`#members-${row}-is_client`).check();
    }
    await page.fill('#request', 'Yassin slaapt slecht en is veel afwezig op school.');
    await page.locator('#life_domains input[type=checkbox]').first().check();
    await page.fill('#consent_on', isoDate(-1));

    // Without consent and district: refused beside both fields, the input kept, nothing saved.
    const refused = await submitForm(page, 'Aanmelding versturen');
    assert.equal(refused.status(), 422);
    await expectFieldError(page, 'consent_by');
    await expectFieldError(page, 'district_id');
    assert.equal(await page.inputValue('#members-3-given_name'), 'Yassin', 'the input is kept');
    assert.ok(await page.locator('#members-4-is_client').isChecked(), 'the ticks are kept');
    await checkBothWidths(page, 'partner-referral-no-consent');
    const before = await page.request.get('/api/v1/partner-referrals');
    assert.equal((await before.json()).items.length, 0, 'nothing saved without consent');

    await page.selectOption('#district_id', String(districts.items[0].id));
    await page.getByRole('radio', { name: 'Ouder of verzorger' }).check();
    await submitForm(page, 'Aanmelding versturen');
    assert.equal(new URL(page.url()).pathname, '/partner');
    assert.match(await main.innerText(), /De aanmelding is verstuurd/);
    const rows = await page.locator('#referrals tbody tr').allInnerTexts();
    assert.equal(rows.length, 1, `one referral: ${rows}`);
    assert.match(rows[0], /ontvangen/);
    await checkBothWidths(page, 'partner-start');

    // The worklist and a case are not the partner's: sent back to its own page, or refused.
    await page.goto('/');
    assert.equal(new URL(page.url()).pathname, '/partner', 'the worklist sends a partner to its own page');
    const caseResponse = await page.goto('/cases/1');
    const landed = new URL(page.url()).pathname;
    assert.ok(landed === '/partner' || [403, 404].includes(caseResponse.status()), `a case: ${landed} ${caseResponse.status()}`);
    assert.doesNotMatch(await main.innerText(), /El Amrani/, 'no client data');
  } finally {
    await context.close();
  }
});
