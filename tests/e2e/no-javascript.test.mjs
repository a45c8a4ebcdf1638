// Everything works without JavaScript: plain HTML forms, posted by the browser itself.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { isoDate, launchBrowser, newPage, uniqueName, users, validBsn, setUp } from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

/** Clicks a button and waits for the page the browser navigates to (JavaScript is off). */
async function post(page, name, requests) {
  const before = requests.length;
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && (r.status() < 300 || r.status() >= 400)),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
  const posted = requests.slice(before).filter((r) => r.method() === 'POST');
  assert.ok(posted.length >= 1, `"${name}" posted a form`);
  for (const r of posted) assert.equal(r.resourceType(), 'document', `"${name}" is a plain form post, not ${r.resourceType()}`);
  return response;
}

test('without JavaScript a family worker logs in, finds or registers a household and registers a referral', async () => {
  const { context, page } = await newPage(browser, server, { javaScriptEnabled: false });
  const requests = [];
  page.on('request', (r) => requests.push(r));
  try {
    // Log in.
    await page.goto('/login');
    await page.fill('#email', users.worker2);
    await page.fill('#password', 'demo-wachtwoord');
    let response = await post(page, 'Inloggen', requests);
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(await page.locator('h1').innerText(), 'Werklijst');
    const scripts = await page.evaluate(() => typeof window.htmx).catch(() => 'no evaluation');
    assert.notEqual(scripts, 'object', 'htmx did not run');

    // Step 1 of a referral: the household search posts the page itself (htmx is not there).
    await page.getByRole('link', { name: 'Nieuwe aanmelding' }).click();
    await page.waitForURL('**/referrals/new');
    const familyName = uniqueName('Zonderjs');
    await page.fill('#name', familyName);
    response = await post(page, 'Zoeken', requests);
    assert.equal(response.status(), 200);
    assert.match(await page.locator('#results-heading').innerText(), /^0 huishoudens gevonden$/);
    assert.equal(await page.locator('#name').inputValue(), familyName);

    // A new household; "another member" adds a row without JavaScript and without saving.
    await page.getByRole('link', { name: 'Nieuw huishouden registreren' }).click();
    await page.waitForURL('**/households/new');
    assert.equal(await page.locator('[id^="members-"][id$="-given_name"]').count(), 2);
    await page.fill('#address-street', 'Biltstraat');
    await page.fill('#address-house_number', '7');
    await page.fill('#address-postcode', '3572 AA');
    await page.selectOption('#district_id', { label: 'Noordoost' });
    await page.fill('#members-0-given_name', 'Fatima');
    await page.fill('#members-0-family_name', familyName);
    await page.fill('#members-0-birth_date', '1990-01-31');
    await page.selectOption('#members-0-role', 'parent');
    await page.fill('#members-0-bsn', validBsn(4242));
    response = await post(page, 'Nog een gezinslid', requests);
    assert.equal(response.status(), 200);
    assert.equal(await page.locator('[id^="members-"][id$="-given_name"]').count(), 3, 'a third member row');
    assert.equal(await page.locator('#members-0-given_name').inputValue(), 'Fatima', 'the input is kept');
    assert.equal(await page.locator('#address-street').inputValue(), 'Biltstraat');
    await page.fill('#members-2-given_name', 'Youssef');
    await page.fill('#members-2-family_name', familyName);
    await page.fill('#members-2-birth_date', '2018-11-11');
    await page.selectOption('#members-2-role', 'child');
    response = await post(page, 'Huishouden opslaan', requests);
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/referrals/new');
    const householdId = new URL(page.url()).searchParams.get('household_id');
    assert.ok(householdId);

    // The referral.
    await page.getByLabel(new RegExp(`^Youssef ${familyName}`)).check();
    if ((await page.locator('#team_id').inputValue()) === '') await page.selectOption('#team_id', { index: 1 });
    await page.selectOption('#source', 'youth_health');
    await page.fill('#request', 'Zorgen over taalontwikkeling.');
    await page.getByLabel('Ontwikkeling en school', { exact: true }).check();
    await page.getByLabel('Gezin', { exact: true }).check();
    const requested = isoDate(21);
    await page.fill('#requested_intake_on', requested);
    response = await post(page, 'Aanmelding opslaan', requests);
    assert.equal(response.status(), 200);
    assert.match(new URL(page.url()).pathname, /^\/cases\/\d+$/);
    assert.equal(await page.locator('.utrecht-status-badge', { hasText: /^Fase: / }).innerText(), 'Fase: Aangemeld');
    assert.match(await page.locator('.bt-facts').innerText(), /Latere kennismaking\s+.*Gezin/);
    const caseId = new URL(page.url()).pathname.split('/').pop();

    // And it is found again by the search, with its case.
    await page.getByRole('link', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL('**/search');
    await page.fill('#name', familyName);
    response = await post(page, 'Zoeken', requests);
    assert.equal(response.status(), 200);
    assert.match(await page.locator('#results-heading').innerText(), /^1 huishouden gevonden$/);
    assert.equal(await page.locator(`article a[href="/cases/${caseId}"]`).count(), 1);
  } finally {
    await context.close();
  }
});

// The filter form sends `team_id=` for "Alle teams": an empty filter must count as absent.
test('the worklist filters work with "Alle teams", with and without JavaScript', async () => {
  for (const javaScriptEnabled of [false, true]) {
    const { context, page } = await newPage(browser, server, { javaScriptEnabled });
    try {
      await page.goto('/login');
      await page.fill('#email', users.worker2);
      await page.fill('#password', 'demo-wachtwoord');
      await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.getByRole('button', { name: 'Inloggen' }).click()]);
      assert.equal(await page.locator('#team_id').inputValue(), '', '"Alle teams" is chosen');
      // The phase is one of the sections, behind "Meer filters" (a <details>, no script needed).
      await page.getByText('Meer filters').click();
      await page.locator('#section').selectOption('in_support');
      if (!javaScriptEnabled) {
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.request().isNavigationRequest()),
          page.getByRole('button', { name: 'Filter toepassen' }).click(),
        ]);
        assert.equal(response.status(), 200, `GET ${response.url()}`);
      }
      // With JavaScript the change itself fetches the list (htmx).
      await page.waitForURL(/section=in_support/);
      await page.locator('#section-in-support').waitFor({ timeout: 5_000 });
      assert.equal(await page.locator('#section-referred').count(), 0, `only the chosen phase (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`);
    } finally {
      await context.close();
    }
  }
});
