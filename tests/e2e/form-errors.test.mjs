// Bad input in each form: the page comes back (422) with the error beside the field, a summary
// at the top linking to it, the input kept, and nothing saved.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './server.mjs';
import {
  expectAccessible,
  expectFieldError,
  isoDate,
  launchBrowser,
  login,
  newPage,
  submitForm,
  submitLogin,
  uniqueName,
  users,
} from './helpers.mjs';
import { registerHousehold, registerReferral, statusBadge } from './flows.mjs';

let server;
let browser;
let worker; // { context, page } logged in as gezinswerker1

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  worker = await newPage(browser, server);
  await login(worker.page, users.worker1);
});

after(async () => {
  await worker?.context.close();
  await browser?.close();
  await server?.stop();
});

/** Searches /search for `name`; returns the addresses of the households found. */
async function searchByName(page, name) {
  await page.goto('/search');
  await page.fill('#name', name);
  const response = await submitForm(page, 'Zoeken');
  assert.equal(response.status(), 200);
  await page.locator('#results-heading').waitFor();
  return page.locator('article.bt-card');
}

describe('forms with bad input', () => {
  test('log-in with a wrong password: a message, the e-mail kept, no session', async () => {
    const { context, page } = await newPage(browser, server);
    try {
      await page.goto('/login');
      const response = await submitLogin(page, users.worker2, 'niet-het-wachtwoord');
      assert.equal(response.status(), 401);
      assert.equal(new URL(page.url()).pathname, '/login');
      const summary = page.locator('.bt-error-summary');
      assert.equal(await summary.getAttribute('role'), 'alert');
      assert.match(await summary.innerText(), /Het e-mailadres of het wachtwoord klopt niet\./);
      assert.equal(await page.locator('#email').inputValue(), users.worker2, 'the e-mail address is kept');
      assert.equal(await page.locator('#password').inputValue(), '', 'the password is not sent back');
      await expectAccessible(page, 'log-in with an error');
      // No session: the API and the pages still want a log-in.
      assert.equal((await page.request.get('/api/v1/auth/me')).status(), 401);
      await page.goto('/');
      assert.equal(new URL(page.url()).pathname, '/login');
      assert.equal(await page.getByRole('button', { name: 'Uitloggen' }).count(), 0);
    } finally {
      await context.close();
    }
  });

  test('household: bad postcode, birth date in the future, invalid BSN', async () => {
    const { page } = worker;
    const familyName = uniqueName('Foutgezin');
    await page.goto('/households/new');
    await page.fill('#address-street', 'Oudegracht');
    await page.fill('#address-house_number', '231');
    await page.fill('#address-postcode', '351 AB');
    await page.selectOption('#district_id', { index: 1 });
    await page.fill('#members-0-given_name', 'Sanne');
    await page.fill('#members-0-family_name', familyName);
    await page.fill('#members-0-birth_date', isoDate(30));
    await page.selectOption('#members-0-role', 'parent');
    await page.fill('#members-0-bsn', '123456789');
    await page.fill('#members-1-given_name', 'Lotte');
    await page.fill('#members-1-family_name', familyName);
    await page.fill('#members-1-birth_date', '2016-05-20');
    await page.selectOption('#members-1-role', 'child');
    const response = await submitForm(page, 'Huishouden opslaan');
    assert.equal(response.status(), 422);
    assert.equal(new URL(page.url()).pathname, '/households/new');
    await expectFieldError(page, 'address-postcode', 'Vul een postcode in als 3511 AB.');
    await expectFieldError(page, 'members-0-birth_date', 'Deze datum ligt in de toekomst.');
    await expectFieldError(page, 'members-0-bsn', 'Dit is geen geldig BSN');
    // Valid fields are not marked.
    for (const id of ['address-street', 'members-0-given_name', 'members-1-birth_date']) {
      assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), null, `#${id} is not marked invalid`);
    }
    // The input is kept.
    const kept = {
      'address-street': 'Oudegracht',
      'address-house_number': '231',
      'address-postcode': '351 AB',
      'members-0-given_name': 'Sanne',
      'members-0-family_name': familyName,
      'members-0-birth_date': isoDate(30),
      'members-0-role': 'parent',
      'members-0-bsn': '123456789',
      'members-1-given_name': 'Lotte',
      'members-1-birth_date': '2016-05-20',
      'members-1-role': 'child',
    };
    for (const [id, value] of Object.entries(kept)) assert.equal(await page.locator(`#${id}`).inputValue(), value, `#${id} keeps its value`);
    assert.notEqual(await page.locator('#district_id').inputValue(), '', 'the district stays chosen');
    // Each error once, beside its field: not repeated in a paragraph about the members as a whole.
    assert.equal(await page.locator('#members').count(), 0, 'no "members" error when the rows have their own');
    assert.equal(await page.getByText('Dit is geen geldig BSN (9 cijfers, 11-proef).', { exact: true }).count(), 1, 'the BSN message once beside the field');
    await expectAccessible(page, 'household form with errors');
    // The summary's links lead to the fields.
    await page.locator('.bt-error-summary a[href="#members-0-bsn"]').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'members-0-bsn', 'the summary link focuses the field');
    // Nothing saved.
    assert.equal(await (await searchByName(page, familyName)).count(), 0, 'no household was saved');
    assert.match(await page.locator('main').innerText(), /Niets gevonden/);
  });

  test('household without members: the error about the members as a whole', async () => {
    const { page } = worker;
    await page.goto('/households/new');
    await page.fill('#address-street', 'Lange Nieuwstraat');
    await page.fill('#address-house_number', '4');
    await page.fill('#address-postcode', '3512 PH');
    await page.selectOption('#district_id', { index: 1 });
    const response = await submitForm(page, 'Huishouden opslaan');
    assert.equal(response.status(), 422);
    assert.equal(await page.locator('#members').innerText(), 'Vul minstens één gezinslid in.');
    assert.equal(await page.locator('.bt-error-summary a[href="#members"]').count(), 1, 'the summary links to it');
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0, 'no single field is wrong');
    assert.equal(await page.locator('#address-street').inputValue(), 'Lange Nieuwstraat');
    await expectAccessible(page, 'household form without members');
  });

  test('referral: no client and no life domain', async () => {
    const { page } = worker;
    const household = await registerHousehold(page, { familyName: uniqueName('Aanmeldfout') });
    await page.selectOption('#source', 'gp');
    await page.fill('#request', 'Moeder vraagt hulp bij de opvoeding.');
    const response = await submitForm(page, 'Aanmelding opslaan');
    assert.equal(response.status(), 422);
    assert.equal(new URL(page.url()).pathname, '/referrals/new');
    await expectFieldError(page, 'client_ids', 'Kies minstens één gezinslid met een eigen hulpvraag.');
    await expectFieldError(page, 'life_domains', 'Kies minstens één leefgebied.');
    assert.equal(await page.locator('#source').inputValue(), 'gp', 'the source is kept');
    assert.equal(await page.locator('#request').inputValue(), 'Moeder vraagt hulp bij de opvoeding.', 'the request is kept');
    assert.equal(await page.locator('#referred_on').inputValue(), isoDate(0));
    assert.equal(await page.locator('input[name="household_id"]').inputValue(), String(household.householdId));
    await expectAccessible(page, 'referral form with errors');
    // Nothing saved: the household has no case.
    const hits = await searchByName(page, household.familyName);
    assert.equal(await hits.count(), 1);
    assert.match(await hits.innerText(), /Nog geen dossier\./);
    assert.equal(await hits.locator('a[href^="/cases/"]').count(), 0);
  });

  test('case file: intake in the future, contact of 0 minutes, closing without a reason', async () => {
    const { page } = worker;
    const household = await registerHousehold(page, { familyName: uniqueName('Dossierfout') });
    const caseId = await registerReferral(page, household);
    assert.equal(await statusBadge(page).innerText(), 'Fase: Aangemeld');

    // Intake with a date in the future.
    const future = isoDate(10);
    await page.fill('#held_on', future);
    let response = await submitForm(page, 'Kennismaking opslaan');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'held_on', 'Deze datum ligt in de toekomst.');
    assert.equal(await page.locator('#held_on').inputValue(), future, 'the date is kept');
    assert.equal(await statusBadge(page).innerText(), 'Fase: Aangemeld', 'the status is unchanged');
    assert.equal(await page.locator('.bt-timeline__item', { hasText: 'Kennismakingsgesprek' }).count(), 0);
    await expectAccessible(page, 'case file with an intake error');
    await page.goto(`/cases/${caseId}`);
    assert.equal(await statusBadge(page).innerText(), 'Fase: Aangemeld', 'nothing was saved');

    // An intake before the referral: in Dutch beside the field, the date written the Dutch way.
    await page.fill('#held_on', isoDate(-3));
    response = await submitForm(page, 'Kennismaking opslaan');
    assert.equal(response.status(), 409);
    await expectFieldError(page, 'held_on', /^Deze datum ligt vóór de aanmelding \(\d{1,2} [a-z]+ \d{4}\)\. Kies \d{1,2} [a-z]+ \d{4} of later\.$/);
    assert.equal(await statusBadge(page).innerText(), 'Fase: Aangemeld', 'the status is unchanged');

    // A valid intake, then a contact of 0 minutes.
    await page.fill('#held_on', isoDate(0));
    response = await submitForm(page, 'Kennismaking opslaan');
    assert.equal(response.status(), 200);
    assert.equal(await statusBadge(page).innerText(), 'Fase: Kennismaking gehouden');
    await page.selectOption('#contact-form', 'video');
    await page.fill('#contact-minutes', '0');
    await page.getByLabel(`${household.parent} ${household.familyName}`, { exact: true }).check();
    await page.fill('#contact-other_participants', 'Tolk');
    response = await submitForm(page, 'Contact opslaan');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'contact-minutes', 'Vul een duur tussen 1 en 1440 minuten in.');
    assert.equal(await page.locator('#contact-minutes').inputValue(), '0');
    assert.equal(await page.locator('#contact-form').inputValue(), 'video');
    assert.equal(await page.locator('#contact-other_participants').inputValue(), 'Tolk');
    assert.ok(await page.getByLabel(`${household.parent} ${household.familyName}`, { exact: true }).isChecked(), 'the participant stays checked');
    assert.equal(await page.locator('.bt-timeline__item', { hasText: 'Contact:' }).count(), 0, 'no contact in the timeline');
    await expectAccessible(page, 'case file with a contact error');

    // Closing without a reason.
    await page.goto(`/cases/${caseId}`);
    assert.equal(await page.locator('.bt-timeline__item', { hasText: 'Contact:' }).count(), 0, 'no contact was saved');
    await page.fill('#summary', 'Gezin verhuist naar Amersfoort.');
    response = await submitForm(page, 'Dossier afsluiten');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'reason', 'Vul dit in.');
    assert.equal(await page.locator('#summary').inputValue(), 'Gezin verhuist naar Amersfoort.');
    assert.equal(await page.locator('#closed_on').inputValue(), isoDate(0));
    assert.equal(await statusBadge(page).innerText(), 'Fase: Kennismaking gehouden');
    await expectAccessible(page, 'case file with a closing error');
    await page.goto(`/cases/${caseId}`);
    assert.equal(await statusBadge(page).innerText(), 'Fase: Kennismaking gehouden', 'the case was not closed');
    assert.equal(await page.locator('.bt-timeline__item', { hasText: 'Afgesloten' }).count(), 0);
  });

  test('account: a wrong current password changes nothing', async () => {
    const { page } = worker;
    await page.goto('/account');
    await page.fill('#current_password', 'fout-wachtwoord');
    await page.fill('#new_password', 'een-nieuw-wachtwoord-2026');
    await page.fill('#repeat_password', 'een-nieuw-wachtwoord-2026');
    const response = await submitForm(page, 'Wachtwoord wijzigen');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'current_password', 'Dit is niet uw huidige wachtwoord.');
    // Passwords are deliberately not sent back to the browser.
    for (const id of ['current_password', 'new_password', 'repeat_password']) assert.equal(await page.locator(`#${id}`).inputValue(), '');
    assert.equal(await page.locator('.utrecht-alert--ok').count(), 0, 'no "password changed" notice');
    await expectAccessible(page, 'account with an error');
    // Still logged in, and the old password still works.
    assert.equal((await page.request.get('/api/v1/auth/me')).status(), 200);
    const fresh = await newPage(browser, server);
    try {
      await login(fresh.page, users.worker1);
    } finally {
      await fresh.context.close();
    }
  });

  test('search: no criteria, or a house number without a postcode', async () => {
    const { page } = worker;
    await page.goto('/search');
    let response = await submitForm(page, 'Zoeken');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'name', 'Vul minstens één zoekveld in.');
    assert.equal(await page.locator('#results-heading').count(), 0, 'no results');
    await expectAccessible(page, 'search with an error');

    await page.goto('/search');
    await page.fill('#house_number', '12');
    response = await submitForm(page, 'Zoeken');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'postcode', 'Vul bij een huisnummer ook de postcode in.');
    assert.equal(await page.locator('#house_number').inputValue(), '12', 'the house number is kept');
    assert.equal(await page.locator('#results-heading').count(), 0, 'no results');
  });
});
