// Partners in the case work (issue 15, decision 0040): a family worker records a three-way
// conversation (driegesprek) with a partner on the family file, and makes a partner the
// performer of an action in the family plan: first without choosing the partner (the error
// beside the field), then with it. An ended partner is not offered. Every page: zero axe
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
import { registerHousehold, registerReferral } from './flows.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

/** Opens the folded form (<details>) whose summary starts with `summary`, inside `scope`. */
async function openForm(page, scope, summary) {
  const details = scope.locator('details').filter({ has: page.locator('summary', { hasText: summary }) }).first();
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  return details;
}

test('a family worker records a three-way conversation and makes a partner the performer of an action', async () => {
  const admin = await apiAs(browser, server, users.admin);
  const districts = await api(admin, 'GET', '/api/v1/districts', undefined, 200);
  const districtIds = districts.items.map((d) => d.id);
  const partnerName = uniqueName('Werk en Inkomen Buurtstad');
  const endedName = uniqueName('Oude Schuldhulp');
  await api(admin, 'POST', '/api/v1/partners', { name: partnerName, kind: 'work_and_income', district_ids: districtIds }, 201);
  const ended = await api(admin, 'POST', '/api/v1/partners', { name: endedName, kind: 'debt_services', district_ids: districtIds }, 201);
  await api(admin, 'PATCH', `/api/v1/partners/${ended.id}`, { ended_on: isoDate(-1) }, 200);
  await admin.close();

  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.worker1);
    const household = await registerHousehold(page);
    const caseId = await registerReferral(page, household);
    assert.equal((await submitForm(page, 'Kennismaking opslaan')).status(), 200);
    assert.equal((await submitForm(page, 'Start opslaan')).status(), 200);

    // The three-way conversation: the contact form offers active partners only.
    const contact = page.locator('form[action$="/contacts"]');
    const options = await contact.locator('#contact-partner_id option').allInnerTexts();
    assert.ok(options.includes(partnerName), 'the active partner is offered');
    assert.ok(!options.includes(endedName), 'the ended partner is not offered');
    await contact.locator('#contact-form').selectOption('office');
    await contact.locator('#contact-minutes').fill('60');
    await contact.getByLabel(`${household.parent} ${household.familyName}`, { exact: true }).check();
    await contact.locator('#contact-partner_id').selectOption({ label: partnerName });
    assert.equal((await submitForm(page, 'Contact opslaan')).status(), 200);
    const item = page.locator('.bt-timeline__item', { hasText: `Driegesprek met ${partnerName}` });
    assert.equal(await item.count(), 1, 'the three-way conversation is on the timeline once');
    assert.match(await item.innerText(), /Op kantoor/);
    await checkBothWidths(page, 'partners-three-way-file');

    // The plan: a goal, then an action by the partner.
    await page.goto(`/cases/${caseId}/plan`);
    let form = await openForm(page, page, 'Doel toevoegen');
    await form.locator('#goal-title').fill('Rust in de geldzaken');
    await form.locator('#goal-life_domain').selectOption('finances');
    assert.equal((await submitForm(page, 'Doel toevoegen')).status(), 200);
    const goal = page.locator('article.bt-goal', { has: page.locator('h3', { hasText: 'Rust in de geldzaken' }) });
    const goalId = Number((await goal.getAttribute('id')).slice('goal-'.length));
    form = await openForm(page, goal, 'Actie toevoegen');
    await form.locator('[name="description"]').fill('Bijzondere bijstand aanvragen');
    await form.locator('[name="performer"]').selectOption('partner');
    const refused = await submitForm(page, form.getByRole('button', { name: 'Actie toevoegen' }));
    assert.equal(refused.status(), 422);
    await expectFieldError(page, `g${goalId}-action-performer_partner_id`, 'Vul dit in');
    await checkBothWidths(page, 'partners-plan-action-errors');
    form = await openForm(page, goal, 'Actie toevoegen');
    const choices = await form.locator('[name="performer_partner_id"] option').allInnerTexts();
    assert.ok(!choices.includes(endedName), 'the ended partner is not offered');
    await form.locator('[name="performer_partner_id"]').selectOption({ label: partnerName });
    assert.equal((await submitForm(page, form.getByRole('button', { name: 'Actie toevoegen' }))).status(), 200);
    const action = goal.locator('.bt-plan-list__item', { hasText: 'Bijzondere bijstand' });
    assert.match(await action.innerText(), new RegExp(`Partnerorganisatie: ${partnerName}`));
    await checkBothWidths(page, 'partners-plan-action');
  } finally {
    await context.close();
  }
});
