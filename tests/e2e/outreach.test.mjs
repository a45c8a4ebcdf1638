// Outreach (issue 16): a campaign runs from CSV upload to referral in the browser. A team
// manager creates a campaign, uploads a file of signals (a bad file first: its errors per line,
// nothing imported), sees the addresses grouped in the work basket and assigns one to a family
// worker; the worker opens the address, records "not at home", then "help accepted", and the
// referral is on the team's worklist with source outreach. Every page: zero axe violations and
// screenshots at 1366 and 390 px.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  api,
  checkBothWidths,
  expectAccessible,
  expectFieldError,
  expectNoHorizontalScroll,
  isoDate,
  login,
  logout,
  newPage,
  PASSWORD,
  screenshot,
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
// Overvecht, served by the team of teammanager1 and gezinswerker1 (team 1); the demo gives it
// the postcode area 3561-3565, so the campaign's addresses land there and an accepted offer
// finds its team.
const DISTRICT = 1;
const POSTCODE = '3563 XK';

const HEADER = 'partner,received_on,given_name,family_name,street,house_number,postcode,kind,amount_eur,months';

function csv(lines) {
  return { name: 'signalen.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...lines].join('\n') + '\n') };
}

async function upload(page, file) {
  await page.setInputFiles('#csv', file);
  return submitForm(page, 'Bestand inlezen');
}

test('a team manager creates a campaign, uploads signals and assigns an address', async () => {
  const { context, page } = await newPage(browser, server);
  await login(page, users.manager1);
  await page.getByRole('link', { name: 'Campagnes', exact: true }).first().click();
  await page.waitForURL(/\/campaigns$/);
  await checkBothWidths(page, 'outreach-campaigns');

  await page.getByRole('link', { name: 'Nieuwe campagne' }).click();
  await page.waitForURL(/\/campaigns\/new$/);
  // Nothing filled in: the errors, nothing made.
  let response = await submitForm(page, 'Campagne maken');
  assert.equal(response.status(), 422);
  const summary = await page.locator('#error-summary').innerText();
  assert.match(summary, /Begint op: Vul dit in/, 'the summary names each field by its label');
  assert.doesNotMatch(summary, /campaign-field/);
  // Each error also beside its field (a group of checkboxes: on its fieldset).
  await expectFieldError(page, 'name', 'Vul dit in.');
  await expectFieldError(page, 'starts_on', 'Vul dit in.');
  await expectFieldError(page, 'district_ids', 'Kies een wijk of meer.');
  assert.match(summary, /Wijken: Kies een wijk of meer/);
  await checkBothWidths(page, 'outreach-campaign-new-errors');

  made.name = uniqueName('Vroegsignalering Overvecht ');
  await page.selectOption('#kind', 'payment_arrears');
  await page.fill('#name', made.name);
  await page.check(`#district-${DISTRICT}`);
  await page.fill('#starts_on', isoDate(-7));
  await page.check('#approach-house_visit');
  await page.check('#approach-phone_and_flyer');
  const worker = await (async () => {
    const ctx = await browser.newContext({ baseURL: server.url });
    await api(ctx, 'POST', '/api/v1/auth/login', { email: users.worker1, password: PASSWORD }, 200);
    const me = await api(ctx, 'GET', '/api/v1/auth/me', undefined, 200);
    await ctx.close();
    return me;
  })();
  made.worker = worker;
  made.team = worker.team_ids[0];
  // The picker groups ~200 workers per team, the manager's own teams first and the others
  // folded away; searching narrows it without JavaScript and keeps what was filled in.
  const legends = await page.locator('#worker_ids fieldset legend').allInnerTexts();
  assert.ok(legends.length > 10, `a fieldset per team: ${legends.length}`);
  assert.match(legends[0], /Overvecht/, 'the manager\'s own teams first');
  assert.equal(await page.locator('#worker_ids details').getAttribute('open'), null, 'other teams folded');
  await page.check('#approach-letter');
  await page.fill('#q', worker.name.split(' ')[0]);
  response = await submitForm(page, 'Zoeken');
  assert.equal(response.status(), 200);
  assert.equal(await page.inputValue('#name'), made.name, 'the name is kept');
  assert.ok(await page.isChecked('#approach-letter'), 'a ticked box is kept');
  assert.match(await page.locator('#worker_ids-hint').innerText(), /niet getoond/);
  assert.ok(await page.locator(`#worker-${worker.id}`).isVisible(), 'the worker searched for is shown');
  const shown = await page.locator('#worker_ids input[type="checkbox"]').count();
  assert.ok(shown < 60, `the search narrows the list (${shown} shown)`);
  await checkBothWidths(page, 'outreach-campaign-new-search');
  await page.uncheck('#approach-letter');
  await page.check(`#worker-${worker.id}`);
  await page.fill('#help_offered', 'Een gesprek over geldzaken en hulp bij een betalingsregeling.');
  response = await submitForm(page, 'Campagne maken');
  assert.equal(response.status(), 200);
  assert.match(page.url(), /\/campaigns\/\d+\?done=campaign-created/);
  made.campaign = Number(new URL(page.url()).pathname.split('/').pop());
  assert.match(await page.locator('main').innerText(), /De campagne is gemaakt/);
  await checkBothWidths(page, 'outreach-campaign-empty');

  // A bad file: every error by its line, nothing imported.
  const today = isoDate(-1);
  response = await upload(page, csv([
    `Woningcorporatie Mitros,${today},Fatima,Bouali,Ravenna,12,3563 XK,rent,412.50,3`,
    `Eneco,${today},Fatima,Bouali,Ravenna,12,1234,energy,abc,2`,
    `Vitens,morgen,Jan,Visser,Ravenna,14,3563 XK,gas,18.00,1`,
  ]));
  assert.equal(response.status(), 422);
  const errors = page.locator('#upload-errors');
  assert.ok(await errors.isVisible(), 'the errors are shown');
  const text = await errors.innerText();
  assert.match(text, /niets ingelezen/i);
  assert.match(text, /Regel 3/);
  assert.match(text, /Regel 4/);
  assert.doesNotMatch(text, /Regel 2\b/, 'the good line has no error');
  assert.match(text, /Regel 3, kolom postcode: Schrijf een postcode als 3511 AB/, 'in Dutch, with line and column');
  assert.match(text, /Regel 4, kolom kind: Kies uit rent, energy/);
  assert.match(await page.locator('main').innerText(), /0 adressen/, 'nothing imported');
  await checkBothWidths(page, 'outreach-campaign-upload-errors');

  // The good file: two partners at one address (grouped), one signal at another.
  made.family = uniqueName('Bouali');
  response = await upload(page, csv([
    `Woningcorporatie Mitros,${today},Fatima,${made.family},Ravenna,12,${POSTCODE},rent,412.50,3`,
    `Eneco,${today},Fatima,${made.family},Ravenna,12,${POSTCODE},energy,96.10,2`,
    `Vitens,${today},Jan,Visser,Ravenna,14,${POSTCODE},water,18.00,1`,
  ]));
  assert.equal(response.status(), 200);
  const main = await page.locator('main').innerText();
  assert.match(main, /3 nieuwe signalen ingelezen, bij 2 adressen/);
  assert.match(main, /2 adressen/);
  assert.match(main, /Meer partners/);
  assert.match(main, /Overvecht/, 'placed in its district');
  const rows = page.locator('table tbody tr');
  assert.equal(await rows.count(), 2);
  // Heaviest first: the address with two partners.
  assert.match(await rows.first().innerText(), /Ravenna 12/);
  await checkBothWidths(page, 'outreach-campaign-basket');

  // Assign the grouped address to the worker; with no address ticked, the error is beside the basket.
  response = await submitForm(page, 'Adressen toewijzen');
  assert.equal(response.status(), 422);
  const basketError = page.locator('#assign-address_ids-error');
  assert.match(await basketError.innerText(), /Kies een adres of meer in de werkbak/);
  assert.match(await page.locator('#assign-address_ids').getAttribute('aria-describedby'), /assign-address_ids-error/);
  assert.match(await page.locator('.bt-error-summary').innerText(), /Adressen: Kies een adres of meer/);
  await checkBothWidths(page, 'outreach-campaign-assign-errors');
  const link = rows.first().getByRole('link', { name: /Ravenna 12/ });
  made.address = Number((await link.getAttribute('href')).split('/').pop());
  await page.check(`#pick-${made.address}`);
  await page.selectOption('#assign-worker', String(worker.id));
  response = await submitForm(page, 'Adressen toewijzen');
  assert.equal(response.status(), 200);
  assert.match(await page.locator('main').innerText(), /De adressen zijn toegewezen/);
  assert.match(await rows.first().innerText(), new RegExp(worker.name));

  // Change the running campaign: a phone call added as approach, the help offered rewritten;
  // kind, districts and start are shown, not asked.
  await page.getByRole('link', { name: 'Campagne wijzigen' }).click();
  await page.waitForURL(new RegExp(`/campaigns/${made.campaign}/edit$`));
  assert.equal(await page.inputValue('#name'), made.name, 'the current name filled in');
  assert.ok(await page.isChecked(`#worker-${worker.id}`), 'the current worker ticked');
  assert.equal(await page.locator('#kind').count(), 0, 'the kind is not asked again');
  await checkBothWidths(page, 'outreach-campaign-edit');
  await page.check('#approach-phone');
  await page.fill('#help_offered', 'Een gesprek over geldzaken, hulp bij een betalingsregeling en bij toeslagen.');
  response = await submitForm(page, 'Wijzigingen opslaan');
  assert.equal(response.status(), 200);
  assert.match(page.url(), new RegExp(`/campaigns/${made.campaign}\\?done=campaign-changed`));
  const changed = await page.locator('main').innerText();
  assert.match(changed, /De campagne is gewijzigd/);
  assert.match(changed, /Telefoon/);
  assert.match(changed, /bij toeslagen/);
  assert.match(await rows.first().innerText(), new RegExp(worker.name), 'the worker kept their address');
  await context.close();
});

test('the worker records "not at home", then "help accepted": a referral on the worklist', async () => {
  const { context, page } = await newPage(browser, server);
  await login(page, users.worker1);
  await page.getByRole('link', { name: 'Campagnes', exact: true }).first().click();
  await page.waitForURL(/\/campaigns$/);
  await page.getByRole('link', { name: made.name }).click();
  await page.waitForURL(/\/campaigns\/\d+$/);
  assert.equal(await page.locator('#csv').count(), 0, 'a worker uploads nothing');
  await checkBothWidths(page, 'outreach-campaign-worker');
  await page.getByRole('link', { name: /Ravenna 12/ }).click();
  await page.waitForURL(new RegExp(`/campaign-addresses/${made.address}$`));
  let main = await page.locator('main').innerText();
  assert.match(main, new RegExp(made.family));
  assert.match(main, /Nog geen pogingen/);
  await checkBothWidths(page, 'outreach-address-new');

  // A date in the future is refused beside its field; nothing recorded.
  await page.selectOption('#attempt-approach', 'house_visit');
  await page.fill('#attempt-on', isoDate(3));
  await page.selectOption('#attempt-result', 'not_home');
  let response = await submitForm(page, 'Poging vastleggen');
  assert.equal(response.status(), 422);
  await expectFieldError(page, 'attempt-on', /toekomst/);
  assert.match(await page.locator('main').innerText(), /Nog geen pogingen/);

  await page.fill('#attempt-on', isoDate(-1));
  response = await submitForm(page, 'Poging vastleggen');
  assert.equal(response.status(), 200);
  main = await page.locator('main').innerText();
  assert.match(main, /De poging is vastgelegd/);
  const attempts = page.locator('#attempts table tbody tr');
  assert.equal(await attempts.count(), 1);
  const first = await attempts.first().innerText();
  for (const part of ['Huisbezoek', 'Niet thuis', made.worker.name]) assert.ok(first.includes(part), `${part} in ${first}`);

  // A decline needs its reason.
  await page.selectOption('#attempt-result', 'declined');
  response = await submitForm(page, 'Poging vastleggen');
  assert.equal(response.status(), 422);
  await expectFieldError(page, 'attempt-decline_reason', /waarom/);
  await checkBothWidths(page, 'outreach-address-errors');

  // Accepted: the address is not known to a team, so the birth date is asked for first.
  await page.selectOption('#attempt-result', 'accepted');
  await page.fill('#attempt-on', isoDate(0));
  response = await submitForm(page, 'Poging vastleggen');
  assert.equal(response.status(), 422);
  await expectFieldError(page, 'attempt-birth_date', /geboortedatum/i);
  await page.fill('#attempt-birth_date', '1986-04-17');
  response = await submitForm(page, 'Poging vastleggen');
  assert.equal(response.status(), 200);
  assert.match(page.url(), /done=attempt-referred/);
  main = await page.locator('main').innerText();
  assert.match(main, /Aanmelding aangemaakt/);
  assert.match(main, /Hulp aangenomen/);
  assert.equal(await attempts.count(), 2);
  assert.equal(await page.locator('#attempt-result').count(), 0, 'nothing follows acceptance');
  await checkBothWidths(page, 'outreach-address-accepted');

  // The referral: on the team's worklist, source outreach.
  const open = page.getByRole('link', { name: 'Open de aanmelding' });
  made.case = Number((await open.getAttribute('href')).split('/').pop());
  await open.click();
  await page.waitForURL(new RegExp(`/cases/${made.case}$`));
  main = await page.locator('main').innerText();
  assert.match(main, new RegExp(made.family));
  assert.match(main, /Outreachend \/ vroegsignalering/);
  await logout(page);
  await context.close();
});

test("the referral is on the team's worklist, to be picked up", async () => {
  const { context, page } = await newPage(browser, server);
  await login(page, users.manager1);
  // The team's referrals waiting for their intake, soonest deadline first, 50 a page.
  await page.goto(`/?scope=team&team_id=${made.team}&section=referred`);
  let card = page.locator('.bt-case-card').filter({ hasText: made.family });
  for (let pages = 1; (await card.count()) === 0 && pages < 20; pages++) {
    const next = page.locator('a[rel="next"]');
    if ((await next.count()) === 0) break;
    await Promise.all([page.waitForEvent('load'), next.first().click()]);
    card = page.locator('.bt-case-card').filter({ hasText: made.family });
  }
  assert.equal(await card.count(), 1, 'the new referral is on the team worklist');
  assert.equal(await card.getByRole('link').first().getAttribute('href'), `/cases/${made.case}`);
  assert.match(await card.innerText(), /Nog door niemand opgepakt/);
  await card.getByRole('link').first().click();
  await page.waitForURL(new RegExp(`/cases/${made.case}$`));
  assert.match(await page.locator('main').innerText(), /Outreachend \/ vroegsignalering/);
  await context.close();
});
