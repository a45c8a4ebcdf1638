// Onward referrals (issue 15 part 2, decision 0040): a family worker opens "Aanvullende hulp"
// from the family file, sends the empty form (the errors beside the fields), records debt
// assistance at a fitting partner for the parent, records its start, hands its coordination to
// a colleague, and sees it in the file's
// section and on its timeline. Every page: zero axe violations, no sideways scrolling,
// screenshots at 1366 and 390 px.

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

test('a family worker records an onward referral to a fitting partner and keeps it up', async () => {
  const admin = await apiAs(browser, server, users.admin);
  const districts = await api(admin, 'GET', '/api/v1/districts', undefined, 200);
  const districtIds = districts.items.map((d) => d.id);
  const partnerName = uniqueName('Schuldhulp Buurtstad');
  await api(admin, 'POST', '/api/v1/partners', { name: partnerName, kind: 'debt_services', district_ids: districtIds }, 201);
  await admin.close();

  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.worker1);
    const household = await registerHousehold(page);
    const caseId = await registerReferral(page, household);
    assert.equal((await submitForm(page, 'Kennismaking opslaan')).status(), 200);
    assert.equal((await submitForm(page, 'Start opslaan')).status(), 200);

    await page.getByRole('link', { name: 'Aanvullende hulp inzetten of bijwerken' }).click();
    assert.equal(new URL(page.url()).pathname, `/cases/${caseId}/onward-referrals`);
    assert.ok(await page.getByText('Er is nog geen aanvullende hulp ingezet.').first().isVisible());

    const bad = await submitForm(page, 'Aanvullende hulp vastleggen');
    assert.equal(bad.status(), 422);
    await expectFieldError(page, 'new-kind', 'Vul dit in');
    await expectFieldError(page, 'new-partner_id', 'Vul dit in');
    await expectFieldError(page, 'new-client_ids', 'Vul dit in');
    await checkBothWidths(page, 'onward-referrals-errors');

    await page.selectOption('#new-kind', 'debt_assistance');
    await page.selectOption('#new-partner_id', { label: partnerName });
    await page.getByLabel(`${household.parent} ${household.familyName}`, { exact: true }).check();
    await page.getByLabel('Financiën', { exact: true }).check();
    assert.equal(await page.inputValue('#new-referred_on'), isoDate(0), 'the referral date defaults to today');
    const ok = await submitForm(page, 'Aanvullende hulp vastleggen');
    assert.equal(ok.status(), 200);
    assert.equal(new URL(page.url()).pathname, `/cases/${caseId}/onward-referrals`);
    const card = page.locator('article', { hasText: partnerName });
    assert.equal(await card.count(), 1);
    assert.match(await card.innerText(), /Schuldhulpverlening bij/);

    // An outcome without an end date is refused beside the field; then the start is saved.
    await card.locator('select[name=outcome]').selectOption('completed');
    const refused = await submitForm(page, card.getByRole('button', { name: 'Opslaan' }));
    assert.equal(refused.status(), 422);
    const errorCard = page.locator('article', { hasText: partnerName });
    const outcomeId = await errorCard.locator('select[name=outcome]').getAttribute('id');
    await expectFieldError(page, outcomeId, 'einddatum');
    await errorCard.locator('select[name=outcome]').selectOption('');
    await errorCard.locator('input[name=started_on]').fill(isoDate(0));
    assert.equal((await submitForm(page, errorCard.getByRole('button', { name: 'Opslaan' }))).status(), 200);
    assert.equal(await page.locator('article', { hasText: partnerName }).locator('input[name=started_on]').inputValue(), isoDate(0));

    // The coordinator (the family worker by default) is handed to a colleague of the team.
    const coordinator = page.locator('article', { hasText: partnerName }).locator('select[name=coordinator_id]');
    const current = await coordinator.inputValue();
    assert.ok(current, 'the family worker coordinates by default');
    const others = await coordinator
      .locator('option')
      .evaluateAll((os, cur) => os.filter((o) => o.value && o.value !== cur).map((o) => [o.value, o.textContent.trim()]), current);
    assert.ok(others.length > 0, 'colleagues of the team to choose from');
    const [colleagueId, colleague] = others[0];
    await coordinator.selectOption(colleagueId);
    const handed = await submitForm(page, page.locator('article', { hasText: partnerName }).getByRole('button', { name: 'Opslaan' }));
    assert.equal(handed.status(), 200);
    const after = page.locator('article', { hasText: partnerName });
    assert.equal(await after.locator('select[name=coordinator_id]').inputValue(), colleagueId);
    assert.ok((await after.innerText()).includes(colleague), 'the card names the new coordinator');
    await checkBothWidths(page, 'onward-referrals');

    await page.getByRole('link', { name: 'Terug naar het dossier' }).click();
    assert.equal(new URL(page.url()).pathname, `/cases/${caseId}`);
    const section = page.locator('section[aria-labelledby=onward-heading]');
    assert.match(await section.innerText(), new RegExp(`Schuldhulpverlening bij ${partnerName}`));
    assert.ok((await section.innerText()).includes(`coördinator ${colleague}`), 'the file names the coordinator');
    const timeline = page.locator('section[aria-labelledby=timeline-heading]');
    assert.match(await timeline.innerText(), /Doorverwezen naar aanvullende hulp/);
    assert.match(await timeline.innerText(), /Aanvullende hulp gestart/);
    await checkBothWidths(page, 'onward-referrals-file');
  } finally {
    await context.close();
  }
});
