// The organisation set up in the browser alone (issue 14, "done when"): from an empty
// database with one admin, a district, a neighbourhood with its postcode area and a new team;
// an overlapping postcode area refused beside its field; a rename that keeps the former name;
// the reference lists (a closure day, a population file checked before it is saved). Every
// page without axe violations, with screenshots at 1366 and 390 px.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { expectAccessible, expectNoHorizontalScroll, isoDate, launchBrowser, newPage, screenshot, submitForm, submitLogin } from './helpers.mjs';

const ADMIN = { email: 'beheer@gemeente.example', password: 'Lange-zin-voor-beheer-2026', name: 'Fenna Beheer' };

let server;
let browser;

before(async () => {
  server = await startServer({ empty: ADMIN });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function loggedIn() {
  const { context, page } = await newPage(browser, server);
  await page.goto('/login');
  await submitLogin(page, ADMIN.email, ADMIN.password);
  return { context, page };
}

test('an admin sets up a district, a neighbourhood with a postcode area and a team from an empty database', async () => {
  const { context, page } = await loggedIn();
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Organisatie' }).click();
  assert.equal(new URL(page.url()).pathname, '/admin/organisation');
  await page.getByText('Er zijn nog geen wijken.').waitFor();
  await expectAccessible(page, 'empty organisation page');

  // A district.
  const newDistrict = page.locator('form[action="/admin/organisation/districts"]');
  await newDistrict.getByLabel('Naam van de wijk').fill('Noordoost');
  await submitForm(page, newDistrict.getByRole('button', { name: 'Wijk toevoegen' }));
  await page.getByText('De wijk is opgeslagen.').waitFor();
  await page.getByRole('heading', { name: 'Noordoost', level: 3 }).waitFor();

  // A neighbourhood with its postcode areas.
  await page.getByText('Buurt toevoegen aan Noordoost').click();
  const newNeighbourhood = page.locator('form[action$="/neighbourhoods"]');
  await newNeighbourhood.getByLabel('Naam van de buurt').fill('Wittevrouwen');
  await newNeighbourhood.getByLabel('Postcodegebieden').fill('3581, 3582 AA-3582 KZ');
  await submitForm(page, newNeighbourhood.getByRole('button', { name: 'Buurt toevoegen' }));
  await page.getByText('De buurt is opgeslagen.').waitFor();
  const row = page.getByRole('row', { name: /Wittevrouwen/ });
  await row.getByText('3581, 3582 AA-3582 KZ').waitFor();

  // An overlapping area is refused beside its field, and nothing is saved.
  await page.getByText('Buurt toevoegen aan Noordoost').click();
  await newNeighbourhood.getByLabel('Naam van de buurt').fill('Voordorp');
  await newNeighbourhood.getByLabel('Postcodegebieden').fill('3582');
  const refused = await submitForm(page, newNeighbourhood.getByRole('button', { name: 'Buurt toevoegen' }));
  assert.equal(refused.status(), 422);
  const field = newNeighbourhood.getByLabel('Postcodegebieden');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await newNeighbourhood.getByText(/3582 overlapt met 3582 AA-3582 KZ van buurt Wittevrouwen/).waitFor();
  assert.equal(await page.getByRole('row', { name: /Voordorp/ }).count(), 0);
  await expectAccessible(page, 'organisation page with an overlap refused');

  // A team serving the district.
  const newTeam = page.locator('form[action="/admin/organisation/teams"]');
  await newTeam.getByLabel('Naam van het team').fill('Buurtteam Noordoost');
  await newTeam.getByLabel('Soort team').selectOption('neighbourhood');
  await newTeam.getByLabel('Noordoost').check();
  await submitForm(page, newTeam.getByRole('button', { name: 'Team toevoegen' }));
  await page.getByText('Het team is opgeslagen.').waitFor();
  const team = page.getByRole('row', { name: /Buurtteam Noordoost/ });
  await team.getByRole('cell', { name: 'Noordoost', exact: true }).waitFor();
  await team.getByRole('cell', { name: 'Actief' }).waitFor();

  // Renamed: the former name stays visible.
  await page.getByText('Team Buurtteam Noordoost wijzigen of beëindigen').click();
  const edit = page.locator('form[action^="/admin/organisation/teams/"]').first();
  await edit.getByLabel('Naam van het team').fill('Buurtteam Oost');
  await submitForm(page, edit.getByRole('button', { name: 'Opslaan' }));
  await page.getByText('Het team is opgeslagen.').waitFor();
  await page.getByRole('row', { name: /Buurtteam Oost/ }).getByText(/Eerder: Buurtteam Noordoost \(tot /).waitFor();

  await expectAccessible(page, 'organisation page');
  await page.setViewportSize({ width: 1366, height: 900 });
  await screenshot(page, 'admin-organisation-1366');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page, 'organisation page on a phone');
  await screenshot(page, 'admin-organisation-390');

  // The API sees what the browser made.
  const teams = await page.evaluate(async () => (await fetch('/api/v1/teams')).json());
  assert.equal(teams.items.length, 1);
  assert.equal(teams.items[0].name, 'Buurtteam Oost');
  assert.equal(teams.items[0].kind, 'neighbourhood');
  assert.equal(teams.items[0].district_ids.length, 1);
  await context.close();
});

test('the reference lists: a closure day, and a population file checked before it is saved', async () => {
  const { context, page } = await loggedIn();
  await page.goto('/admin/reference');
  await expectAccessible(page, 'reference lists');

  // A day two months ahead, whenever the test runs (a closure day lies in the future).
  await page.getByLabel('Dag', { exact: true }).fill(isoDate(60));
  await page.getByLabel('Omschrijving', { exact: true }).fill('Brugdag na Hemelvaart');
  await submitForm(page, 'Sluitingsdag toevoegen');
  await page.getByText('De sluitingsdag is toegevoegd.').waitFor();
  await page.getByRole('cell', { name: 'Brugdag na Hemelvaart' }).waitFor();

  const csv = '# BRP Noordoost\ndistrict,reference_date,residents,residents_0_17\nNoordoost,2026-01-01,41000,8200\nNergenshuizen,2026-01-01,5,\n';
  // The file as chosen on the computer: checked, with the bad line named.
  await page.getByLabel('Het CSV-bestand', { exact: true }).setInputFiles({ name: 'noordoost-2026.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await submitForm(page, 'Controleren');
  await page.getByText(/Regel 4: no district is named "Nergenshuizen"/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Opslaan', exact: true }).count(), 0, 'no saving a file with errors');

  // Or pasted.
  await page.getByLabel('Naam van het bestand').fill('noordoost-2026.csv');
  await page.getByLabel('Of plak de inhoud van het CSV-bestand').fill(csv.split('\n').slice(0, 3).join('\n'));
  await submitForm(page, 'Controleren');
  await page.getByRole('cell', { name: '41.000' }).waitFor();
  await page.getByText('Bron: BRP Noordoost', { exact: true }).waitFor();
  await expectAccessible(page, 'population preview');
  await page.setViewportSize({ width: 1366, height: 900 });
  await screenshot(page, 'admin-reference-1366');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page, 'reference lists on a phone');
  await screenshot(page, 'admin-reference-390');
  await submitForm(page, 'Opslaan');
  await page.getByText('De inwonertallen zijn opgeslagen.').waitFor();
  await context.close();
});

// Issue 14, "done when": the team made above gets its first worker in the browser alone, who
// activates the account with the code the admin hands over and starts on the team's worklist.
test('the new team gets a worker, who activates the account and works in that team', async () => {
  const admin = await loggedIn();
  const worker = await newPage(browser, server);
  const WORKER = { name: 'Emre Şahin', email: 'emre.sahin@gemeente.example', password: 'een lange zin over de Kromme Rijn' };
  try {
    const page = admin.page;
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Medewerkers' }).click();
    await page.getByRole('link', { name: 'Nieuwe medewerker' }).click();
    await page.fill('#name', WORKER.name);
    await page.fill('#email', WORKER.email);
    await page.selectOption('#role', 'family_worker');
    await page.fill('#contract_hours', '32');
    await page.getByLabel('Buurtteam Oost').check();
    const made = await submitForm(page, 'Medewerker aanmaken');
    assert.equal(made.status(), 200);
    const code = (await page.locator('#activation-code').innerText()).trim();

    const w = worker.page;
    await w.goto('/account/activate');
    await w.fill('#code', code);
    await w.fill('#email', WORKER.email);
    await w.fill('#password', WORKER.password);
    await w.fill('#repeat_password', WORKER.password);
    await submitForm(w, 'Wachtwoord instellen en inloggen');
    assert.equal(new URL(w.url()).pathname, '/', 'on the worklist');
    const me = await (await w.request.get('/api/v1/auth/me')).json();
    assert.equal(me.name, WORKER.name);
    assert.equal(me.role, 'family_worker');
    const teams = await (await admin.page.request.get('/api/v1/teams')).json();
    assert.deepEqual(me.team_ids, [teams.items.find((t) => t.name === 'Buurtteam Oost').id]);
    // Their new-referral form offers that team, and only households can be added to it.
    await w.goto('/referrals/new');
    await expectAccessible(w, 'the new worker on the referral form');
  } finally {
    await admin.context.close();
    await worker.context.close();
  }
});
