// Search that finds people (issue 13): a name is found whatever its case and accents, a house
// number by its parts, and registering a household that may exist already warns first.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer } from './server.mjs';
import { expectAccessible, launchBrowser, login, newPage, screenshot, submitForm, uniqueName, users } from './helpers.mjs';
import { registerHousehold } from './flows.mjs';

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

/** Searches /search with `fields`; returns the result cards. */
async function search(page, fields) {
  await page.goto('/search');
  for (const [id, value] of Object.entries(fields)) await page.fill(`#${id}`, value);
  const response = await submitForm(page, 'Zoeken');
  assert.equal(response.status(), 200);
  await page.locator('#results-heading').waitFor();
  return page.locator('article.bt-card');
}

/** Fills /households/new with one parent and saves; returns the response. */
async function fillHousehold(page, { given, family, number, letter = '' }) {
  await page.goto('/households/new');
  await page.fill('#address-street', 'Vredenburg');
  await page.fill('#address-house_number', number);
  await page.fill('#address-house_letter', letter);
  await page.fill('#address-postcode', '3511 BA');
  await page.fill('#address-city', 'Utrecht');
  await page.selectOption('#district_id', { index: 1 });
  await page.fill('#members-0-given_name', given);
  await page.fill('#members-0-family_name', family);
  await page.fill('#members-0-birth_date', '1986-03-14');
  await page.selectOption('#members-0-role', 'parent');
  return submitForm(page, 'Huishouden opslaan');
}

describe('search that finds people', () => {
  test('a name with accents is found written without them, in capitals, and by a part', async () => {
    const { page } = worker;
    const tail = uniqueName('');
    const family = `Öztürk${tail}`;
    const household = await registerHousehold(page, { familyName: family, parent: 'Şükrü', child: 'Yıldız' });
    for (const name of [`ozturk${tail}`, `ÖZTÜRK${tail.toUpperCase()}`, `sukru ozturk${tail}`, `yildiz`]) {
      const cards = await search(page, { name });
      const texts = await cards.allInnerTexts();
      assert.ok(texts.some((t) => t.includes(family)), `${name} finds ${family}: ${texts.join(' | ')}`);
    }
    assert.ok(household.householdId > 0);
  });

  test('a house number finds its letters and additions; a letter only its own', async () => {
    const { page } = worker;
    const family = uniqueName('Huisnummer');
    for (const letter of ['', 'a', 'b']) {
      const response = await fillHousehold(page, { given: `Kind${letter || 'x'}`, family, number: '912', letter });
      assert.equal(response.status(), 200, `household 912${letter} saved`);
    }
    assert.equal(await (await search(page, { postcode: '3511 BA', house_number: '912' })).count(), 3);
    const cards = await search(page, { postcode: '3511 BA', house_number: '912A' });
    assert.equal(await cards.count(), 1);
    assert.match(await cards.first().innerText(), /Vredenburg 912a,/);
    await expectAccessible(page, 'search by house number');
  });

  test('registering a household that may exist shows it first, and saves when asked again', async () => {
    const { page } = worker;
    const family = uniqueName('Çelik');
    const first = await fillHousehold(page, { given: 'Ayşe', family, number: '7' });
    assert.equal(first.status(), 200);
    const firstId = new URL(page.url()).searchParams.get('household_id');
    const again = await fillHousehold(page, { given: 'AYSE', family: family.replace('Ç', 'C'), number: '7' });
    assert.equal(again.status(), 409);
    await page.getByRole('heading', { name: 'Mogelijk bestaat dit huishouden al' }).waitFor();
    assert.equal(await page.locator('#members-0-given_name').inputValue(), 'AYSE', 'the form is kept');
    await expectAccessible(page, 'household form: may exist already');
    await screenshot(page, 'household-may-exist');
    // Choosing the existing household leads to its referral form.
    const choose = page.locator(`#duplicates a[href="/referrals/new?household_id=${firstId}"]`);
    assert.equal(await choose.count(), 1);
    // Or the worker saves it anyway.
    const saved = await submitForm(page, 'Toch een nieuw huishouden opslaan');
    assert.equal(saved.status(), 200);
    assert.notEqual(new URL(page.url()).searchParams.get('household_id'), firstId);
  });
});
