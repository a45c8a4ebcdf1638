// The social map (issue 15 part 1): a team manager adds a GP practice (a form with errors
// first), records its collaboration status (a date in the future refused beside the field,
// then the history shown) and links a family worker; a family worker finds the practice by
// searching and filtering, sees who our contact is, and gets no forms. Every page: zero axe
// violations, no sideways scrolling, screenshots at 1366 and 390 px.

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

const made = {};

test('a team manager adds a GP practice, records its status and links a family worker', async () => {
  const worker = await apiAs(browser, server, users.worker1);
  made.workerName = (await api(worker, 'GET', '/api/v1/auth/me', undefined, 200)).name;
  await worker.close();
  made.name = uniqueName('Huisartsenpraktijk De Linde');

  const { context, page } = await newPage(browser, server);
  await login(page, users.manager1);
  await page.getByRole('link', { name: 'Sociale kaart', exact: true }).click();
  assert.equal(new URL(page.url()).pathname, '/partners');
  await page.getByRole('link', { name: 'Partner toevoegen' }).click();
  assert.equal(new URL(page.url()).pathname, '/partners/new');
  await page.fill('#name', made.name);
  await page.fill('#email', 'geen-adres');
  const bad = await submitForm(page, 'Opslaan');
  assert.equal(bad.status(), 422);
  await expectFieldError(page, 'kind', 'Vul dit in');
  await expectFieldError(page, 'district_ids', 'Vul dit in');
  await expectFieldError(page, 'email', 'e-mailadres');
  assert.equal(await page.inputValue('#name'), made.name, 'the input is kept');
  await checkBothWidths(page, 'partners-new-errors');

  await page.selectOption('#kind', 'gp_practice');
  await page.locator('#district_ids input[type=checkbox]').first().check();
  await page.fill('#email', 'praktijk@delinde.example');
  await page.fill('#contact_person', 'Dokter Bakker');
  await page.fill('#phone', '030 123 45 67');
  await submitForm(page, 'Opslaan');
  assert.match(new URL(page.url()).pathname, /^\/partners\/\d+$/);
  made.path = new URL(page.url()).pathname;
  const main = page.locator('main');
  assert.match(await main.innerText(), /De partner is toegevoegd/);
  assert.match(await main.innerText(), /Nog geen samenwerkingsstatus vastgelegd|Er is nog geen samenwerkingsstatus vastgelegd/);

  // A status in the future is refused beside its field; then two changes make a history.
  await page.selectOption('#gp-status', 'in_talks');
  await page.fill('#gp-since', isoDate(3));
  const future = await submitForm(page, 'Status vastleggen');
  assert.equal(future.status(), 422);
  await expectFieldError(page, 'gp-since', 'toekomst');
  await page.fill('#gp-since', isoDate(-30));
  await submitForm(page, 'Status vastleggen');
  assert.match(await main.innerText(), /De samenwerkingsstatus is vastgelegd/);
  await page.selectOption('#gp-status', 'started');
  await page.fill('#gp-since', isoDate(-1));
  await submitForm(page, 'Status vastleggen');
  const history = await page.locator('.bt-timeline li').allInnerTexts();
  assert.equal(history.length, 2, `two changes: ${history}`);
  assert.match(history[0], /Gestart/, 'the latest first');
  assert.match(history[1], /In gesprek/);

  // Link the family worker as the practice's contact.
  await page.locator('#workers-worker_ids').getByLabel(made.workerName, { exact: true }).first().check();
  await submitForm(page, 'Koppelingen opslaan');
  assert.match(await main.innerText(), /De gekoppelde gezinswerkers zijn opgeslagen/);
  assert.match(await page.locator('.bt-facts').innerText(), new RegExp(made.workerName));
  await checkBothWidths(page, 'partners-partner-manager');
  await context.close();
});

test('a family worker finds the practice, sees our contact and gets no forms', async () => {
  const { context, page } = await newPage(browser, server);
  await login(page, users.worker1);
  await page.getByRole('link', { name: 'Sociale kaart', exact: true }).click();
  assert.equal(await page.getByRole('link', { name: 'Partner toevoegen' }).count(), 0, 'no forms for a family worker');
  await page.selectOption('#kind', 'gp_practice');
  await page.fill('#q', made.name.split(' ').slice(-1)[0]);
  await submitForm(page, 'Zoeken');
  const card = page.locator('.bt-knowledge-results li', { hasText: made.name });
  assert.equal(await card.count(), 1, 'the practice is found');
  assert.match(await card.innerText(), new RegExp(`Onze contactpersoon: ${made.workerName}`));
  assert.match(await card.innerText(), /Samenwerking: Gestart/);
  await checkBothWidths(page, 'partners-overview');
  await card.getByRole('link', { name: made.name }).click();
  assert.equal(new URL(page.url()).pathname, made.path);
  assert.equal(await page.locator('main form[method=post]').count(), 0, 'no forms on the partner page');
  await checkBothWidths(page, 'partners-partner-worker');
  await context.close();
});
