// A partner organisation's own page (issue 15 part 3, decision 0041): an admin makes an account
// for a GP practice; the practice logs in and lands on /partner; a referral without consent is
// refused beside the consent field and nothing is saved; with consent it is listed as
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
    await page.fill('#address-postcode', '3562 JW');
    await page.fill('#address-city', 'Utrecht');
    await page.fill('#members-0-given_name', 'Samira');
    await page.fill('#members-0-family_name', 'El Amrani');
    await page.fill('#members-0-birth_date', '1986-03-14');
    await page.fill('#members-1-given_name', 'Yassin');
    await page.fill('#members-1-family_name', 'El Amrani');
    await page.fill('#members-1-birth_date', '2015-09-02');
    await page.getByRole('checkbox', { name: 'Gezinslid 2' }).check();
    await page.fill('#request', 'Yassin slaapt slecht en is veel afwezig op school.');
    await page.locator('#life_domains input[type=checkbox]').first().check();
    await page.fill('#consent_on', isoDate(-1));

    // Without consent: refused beside the consent field, the input kept, nothing saved.
    const refused = await submitForm(page, 'Aanmelding versturen');
    assert.equal(refused.status(), 422);
    await expectFieldError(page, 'consent_by');
    assert.equal(await page.inputValue('#members-1-given_name'), 'Yassin', 'the input is kept');
    await checkBothWidths(page, 'partner-referral-no-consent');
    const before = await page.request.get('/api/v1/partner-referrals');
    assert.equal((await before.json()).items.length, 0, 'nothing saved without consent');

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
