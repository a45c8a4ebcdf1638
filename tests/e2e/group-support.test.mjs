// Group support considered in every case, the collective approach and the group figures
// (issue 19, part G2) in the browser: a family worker records on the plan page whether group
// support was considered (bad input beside its field first), records a meeting of the
// collective approach whose signals lose a family's name and a phone number, and a team
// manager finds the group section on the dashboard. Zero axe violations; screenshots at 1366
// and 390 px.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectAccessible, expectFieldError, expectNoHorizontalScroll, login, newPage, screenshot, setUp, submitForm, users } from './helpers.mjs';
import { registerHousehold, registerReferral } from './flows.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

/** No sideways scrolling and a screenshot at 1366 and 390 px wide. */
async function atBothWidths(page, name) {
  for (const [width, height] of [[1366, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await expectNoHorizontalScroll(page, `${name} at ${width} px`);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Opens the folded form (<details>) whose summary is `summary`. */
async function openForm(page, summary) {
  const details = page.locator('details').filter({ has: page.locator('summary', { hasText: summary }) }).first();
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  assert.ok(await details.evaluate((d) => d.open), `the form "${summary}" is open`);
  return details;
}

test('a family worker records on the plan whether group support was considered', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.worker1);
    const household = await registerHousehold(page);
    const caseId = await registerReferral(page, household);
    assert.equal((await submitForm(page, 'Kennismaking opslaan')).status(), 200);
    assert.equal((await submitForm(page, 'Start opslaan')).status(), 200);
    await page.goto(`/cases/${caseId}/plan`);
    const section = page.locator('section#group-support');
    assert.equal(await section.locator('h2').innerText(), 'Groepsaanbod overwogen?');
    assert.equal(await section.locator('#group-support-state').innerText(), 'Nog niet vastgelegd');

    // Considered, but no reason why the family does not take part: the error beside the field.
    await openForm(page, 'Vastleggen of groepsaanbod is overwogen');
    await page.getByLabel('Ja, we hebben groepsaanbod overwogen').check();
    let response = await submitForm(page, 'Groepsaanbod opslaan');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'group-support-reason', 'Kies waarom het gezin niet meedoet aan een groep.');
    assert.ok(await page.getByLabel('Ja, we hebben groepsaanbod overwogen').isChecked(), 'the choice is kept');
    await expectAccessible(page, 'plan, group support with an error');

    // Another reason needs a few words.
    await page.locator('#group-support-reason').selectOption('other');
    response = await submitForm(page, 'Groepsaanbod opslaan');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'group-support-reason_text', 'Schrijf kort op wat de andere reden is.');
    await page.locator('#group-support-reason_text').fill('De groep is op woensdagmiddag; dan werken beide ouders.');
    response = await submitForm(page, 'Groepsaanbod opslaan');
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, `/cases/${caseId}/plan`);
    assert.equal(await section.locator('#group-support-state').innerText(), 'Ja, overwogen');
    assert.match(await section.locator('#group-support-why').innerText(), /^Andere reden: De groep is op woensdagmiddag/);
    await expectAccessible(page, 'plan, group support recorded');
    await section.scrollIntoViewIfNeeded();
    await atBothWidths(page, 'group-support-plan');
  } finally {
    await context.close();
  }
});

test('a family worker records a meeting of the collective approach; names and numbers are taken out', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.worker1);
    await page.goto('/groups/collective');
    assert.equal(await page.locator('h1').innerText(), 'Collectieve aanpak');
    await expectAccessible(page, 'collective approach');

    // Nothing filled in: every missing field named.
    await openForm(page, 'Nieuwe bijeenkomst vastleggen');
    let response = await submitForm(page, 'Bijeenkomst opslaan');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'theme', 'Vul dit in.');
    await expectFieldError(page, 'parents');
    await expectAccessible(page, 'collective approach, form with errors');

    const theme = 'Schermtijd en gamen';
    await page.locator('#theme').fill(theme);
    await page.getByLabel('JGZ', { exact: true }).check();
    await page.getByLabel('MO gemeente').check();
    await page.locator('#parents').fill('12');
    await page.locator('#young_people').fill('5');
    await page.locator('#professionals').fill('4');
    await page.locator('#signals').fill('Ouders maken zich zorgen over gamen. Familie Yılmaz belde erover met 0612345678.');
    response = await submitForm(page, 'Bijeenkomst opslaan');
    assert.equal(response.status(), 200);
    assert.match(await page.locator('#done').innerText(), /Namen en nummers zijn uit de signalen weggehaald/);
    const row = page.locator('tr', { has: page.locator('td', { hasText: theme }) }).first();
    const text = await row.innerText();
    assert.match(text, /JGZ, MO gemeente/);
    assert.match(text, /Ouders maken zich zorgen over gamen\./);
    assert.doesNotMatch(text, /Yılmaz|0612345678/);
    await expectAccessible(page, 'collective approach, meeting saved');
    await atBothWidths(page, 'group-support-collective');
  } finally {
    await context.close();
  }
});

test('the analyst has no list of meetings; a team manager finds the group figures on the dashboard', async () => {
  const analyst = await newPage(browser, server);
  const manager = await newPage(browser, server);
  try {
    await login(analyst.page, users.analyst, { expectPath: '/dashboards' });
    const response = await analyst.page.goto('/groups/collective');
    assert.equal(response.status(), 403);

    const { page } = manager;
    await login(page, users.manager1);
    await page.goto('/dashboards');
    const tiles = await page.locator('.bt-kpi__label').allInnerTexts();
    assert.ok(tiles.includes('Deelnemers aan groepen'), `tiles: ${tiles.join(', ')}`);
    assert.ok(tiles.includes('Groepsaanbod overwogen (% lopende trajecten)'));
    const section = page.locator('section.bt-dash-table--group_support');
    assert.equal(await section.locator('h2').innerText(), 'Groepsaanbod en collectieve aanpak');
    // The synthetic city records for most cases whether group support was considered.
    const considered = section.locator('tr', { has: page.locator('th', { hasText: 'Groepsaanbod overwogen' }) });
    assert.match((await considered.locator('td').first().textContent()).trim(), /^\d+,\d$/);
    assert.equal(await page.locator('section.bt-dash-table--group_not_used_reasons').count(), 1);
    await expectAccessible(page, 'dashboard with the group figures');
    await section.scrollIntoViewIfNeeded();
    await atBothWidths(page, 'group-support-dashboard');
  } finally {
    await analyst.context.close();
    await manager.context.close();
  }
});
