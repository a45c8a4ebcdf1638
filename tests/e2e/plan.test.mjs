// The family plan (gezinsplan) in the staff pages: a family worker builds the plan of a case in
// support (goals, an action, scores, an evaluation, a working note, agreement on the family's
// behalf, a network member invited and revoked), bad input comes back beside its field with
// nothing saved, the history tells who changed what, and the team manager reads who looked.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectAccessible, expectFieldError, expectNoHorizontalScroll, isoDate, login, me, newPage, screenshot, setUp, submitForm, users } from './helpers.mjs';
import { registerHousehold, registerReferral } from './flows.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "2026-11-23" -> "23 november 2026", as the pages write dates. */
function dutchDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Opens the folded form (<details>) whose summary starts with `summary`, inside `scope`. */
async function openForm(scope, summary) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  const details = scope.locator('details').filter({ has: page.locator('summary', { hasText: summary }) }).first();
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  assert.ok(await details.evaluate((d) => d.open), `the form "${summary}" is open`);
  return details;
}

/** The card of a goal, by its title. */
function goalCard(page, title) {
  return page.locator('article.bt-goal', { has: page.locator('h3', { hasText: title }) });
}

async function goalId(card) {
  const id = await card.getAttribute('id');
  assert.match(id, /^goal-\d+$/);
  return Number(id.slice('goal-'.length));
}

test('a family worker builds the family plan; bad input is kept and refused; the manager reads the access log', async () => {
  const worker = await newPage(browser, server);
  const manager = await newPage(browser, server);
  try {
    const { page } = worker;
    await login(page, users.worker1);
    const self = await me(page);
    const household = await registerHousehold(page);
    const parentName = `${household.parent} ${household.familyName}`;
    const childName = `${household.child} ${household.familyName}`;
    const caseId = await registerReferral(page, household);
    let response = await submitForm(page, 'Kennismaking opslaan');
    assert.equal(response.status(), 200);
    response = await submitForm(page, 'Start opslaan');
    assert.equal(response.status(), 200);

    // The family file links to the plan; a family worker gets no link to the access log.
    const planSection = page.locator('section:has(#plan-heading)');
    assert.equal(await planSection.getByRole('link', { name: 'Toegangslog van dit dossier' }).count(), 0);
    await Promise.all([page.waitForURL(`**/cases/${caseId}/plan`), planSection.getByRole('link', { name: 'Gezinsplan openen' }).click()]);
    assert.equal(await page.locator('h1').innerText(), `Gezinsplan: ${childName}`);
    assert.match(await page.locator('#goals-heading + p').innerText(), /Er zijn nog geen doelen/);
    assert.equal(await page.getByRole('navigation', { name: 'Dit dossier' }).getByRole('link', { name: 'Toegangslog' }).count(), 0);
    await expectAccessible(page, 'plan, no goals yet');

    // Bad input: a confidential goal without words and without a reason. Both errors beside
    // their fields, the input kept, nothing saved.
    let form = await openForm(page, 'Doel toevoegen');
    await form.locator('#goal-description').fill('Samen aan tafel, zonder telefoons.');
    await form.locator('#goal-confidential').check();
    response = await submitForm(page, 'Doel toevoegen');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'goal-title', 'Vul dit in.');
    await expectFieldError(page, 'goal-confidential_reason', 'Schrijf op waarom dit doel vertrouwelijk is.');
    assert.equal(await page.locator('#goal-description').inputValue(), 'Samen aan tafel, zonder telefoons.', 'the explanation is kept');
    assert.ok(await page.locator('#goal-confidential').isChecked(), 'the checkbox is kept');
    assert.equal(await page.locator('article.bt-goal').count(), 0, 'no goal was saved');
    await expectAccessible(page, 'plan, goal form with errors');

    // A goal of the household as a whole.
    const householdGoal = 'We eten elke avond samen aan tafel.';
    await page.locator('#goal-confidential').uncheck();
    await page.locator('#goal-title').fill(householdGoal);
    await page.locator('#goal-life_domain').selectOption('parenting');
    assert.equal(await page.locator('#goal-client_id option:checked').innerText(), 'Het hele gezin');
    response = await submitForm(page, 'Doel toevoegen');
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, `/cases/${caseId}/plan`);
    const home = goalCard(page, householdGoal);
    const homeId = await goalId(home);
    assert.equal(new URL(page.url()).hash, `#goal-${homeId}`, 'back at the goal just added');
    assert.match(await home.innerText(), /Van wie\s+Het hele gezin/);
    assert.match(await home.innerText(), /Status: Loopt/);
    assert.match(await home.innerText(), /Opvoeding/);

    // A goal of the child, confidential with a reason.
    const childGoal = `${household.child} gaat weer met plezier naar school.`;
    form = await openForm(page, 'Doel toevoegen');
    await form.locator('#goal-title').fill(childGoal);
    await form.locator('#goal-life_domain').selectOption('development_school');
    await form.locator('#goal-client_id').selectOption({ label: childName });
    await form.locator('#goal-confidential').check();
    await form.locator('#goal-confidential_reason').fill(`${household.child} wil eerst zelf met de mentor praten.`);
    response = await submitForm(page, 'Doel toevoegen');
    assert.equal(response.status(), 200);
    const child = goalCard(page, childGoal);
    const childText = await child.innerText();
    assert.match(childText, new RegExp(`Van wie\\s+${childName}`));
    assert.match(childText, /Vertrouwelijk/);
    assert.match(childText, /wil eerst zelf met de mentor praten/);

    // An action under the household goal, carried by the parent, due in a week; then done.
    form = await openForm(home, 'Actie toevoegen');
    await form.locator(`[name="description"]`).fill('Een boodschappenlijst maken voor de week');
    await form.locator(`[name="performer"]`).selectOption('family_member');
    // Without naming the family member: refused beside that field.
    response = await submitForm(page, form.getByRole('button', { name: 'Actie toevoegen' }));
    assert.equal(response.status(), 422);
    await expectFieldError(page, `g${homeId}-action-person_id`, 'Vul dit in.');
    assert.equal(await home.locator('.bt-plan-list__item', { hasText: 'boodschappenlijst' }).count(), 0, 'no action was saved');
    form = await openForm(home, 'Actie toevoegen');
    assert.equal(await form.locator(`[name="description"]`).inputValue(), 'Een boodschappenlijst maken voor de week', 'the action is kept');
    await form.locator(`[name="person_id"]`).selectOption({ label: parentName });
    await form.locator(`[name="due_on"]`).fill(isoDate(7));
    response = await submitForm(page, form.getByRole('button', { name: 'Actie toevoegen' }));
    assert.equal(response.status(), 200);
    const action = home.locator('.bt-plan-list__item', { hasText: 'boodschappenlijst' });
    assert.match(await action.innerText(), new RegExp(`Gezinslid: ${parentName}`));
    assert.match(await action.innerText(), new RegExp(`uiterlijk ${dutchDate(isoDate(7))}`));
    response = await submitForm(page, action.getByRole('button', { name: /^Klaar/ }));
    assert.equal(response.status(), 200);
    assert.match(await home.locator('.bt-plan-list__item', { hasText: 'boodschappenlijst' }).innerText(), new RegExp(`klaar op ${dutchDate(isoDate(0))}`));

    // A self-sufficiency score at the start: first without a score (refused), then 3.
    form = await openForm(home, 'Zelfredzaamheid meten');
    response = await submitForm(page, form.getByRole('button', { name: 'Score opslaan' }));
    assert.equal(response.status(), 422);
    await expectFieldError(page, `g${homeId}-score-score`);
    assert.match(await home.innerText(), /Zelfredzaamheid\s+Nog niet gemeten\./, 'no score was saved');
    form = await openForm(home, 'Zelfredzaamheid meten');
    await form.locator(`[name="score"]`).selectOption('3');
    response = await submitForm(page, form.getByRole('button', { name: 'Score opslaan' }));
    assert.equal(response.status(), 200);
    assert.match(await home.locator('dl').innerText(), /3 – beperkt zelfredzaam \(gemeten op/);

    // An evaluation. The next date before the evaluation itself is refused, with the texts kept.
    const evaluations = page.locator('section:has(#evaluations-heading)');
    form = await openForm(evaluations, 'Evaluatie vastleggen');
    await form.locator('#evaluation-went_well').fill('Drie avonden samen gegeten.');
    await form.locator('#evaluation-changes').fill('Ook in het weekend proberen.');
    await form.locator('#evaluation-next_on').fill(isoDate(-1));
    await form.getByLabel(householdGoal).selectOption('4');
    response = await submitForm(page, 'Evaluatie opslaan');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'evaluation-next_on', 'na de datum van deze evaluatie');
    assert.equal(await page.locator('#evaluation-went_well').inputValue(), 'Drie avonden samen gegeten.');
    assert.equal(await evaluations.getByLabel(householdGoal).inputValue(), '4', 'the score is kept');
    assert.equal(await page.locator('article.bt-evaluation').count(), 0, 'no evaluation was saved');
    await expectAccessible(page, 'plan, evaluation form with an error');
    const next = isoDate(28);
    await page.locator('#evaluation-next_on').fill(next);
    response = await submitForm(page, 'Evaluatie opslaan');
    assert.equal(response.status(), 200);
    const evaluation = page.locator('article.bt-evaluation');
    assert.equal(await evaluation.count(), 1);
    assert.match(await evaluation.innerText(), new RegExp(`Evaluatie van ${dutchDate(isoDate(0))}`));
    assert.match(await evaluation.innerText(), /Wat ging goed\?\s+Drie avonden samen gegeten\./);
    assert.equal(await page.locator('#next-evaluation').innerText(), `Evaluatie uiterlijk ${dutchDate(next)}: nog 28 dagen`);
    assert.match(await home.locator('dl').innerText(), /4 – voldoende zelfredzaam/);
    assert.equal(await home.locator('.bt-score-table tbody tr').count(), 2, 'the start and the evaluation');
    await expectAccessible(page, 'plan with goals, an action, scores and an evaluation');
    await screenshot(page, 'family-plan');
    // Mobile first: on a 320 px wide screen nothing sticks out, with the forms open too.
    await page.setViewportSize({ width: 320, height: 800 });
    await openForm(home, 'Actie toevoegen');
    await openForm(evaluations, 'Evaluatie vastleggen');
    await expectNoHorizontalScroll(page, 'plan on a phone');
    await expectAccessible(page, 'plan on a phone, forms open');
    await screenshot(page, 'family-plan-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The next evaluation is on the worklist.
    await page.goto('/?scope=mine&status=in_support');
    const row = page.locator('#worklist-results .bt-case-card', { has: page.locator(`a[href="/cases/${caseId}"]`) });
    assert.match(await row.innerText(), new RegExp(`Evaluatie uiterlijk ${dutchDate(next)}\\s+nog 28 dagen`));

    // A working note: staff only, said so on the page; an empty note is refused.
    await page.goto(`/cases/${caseId}/plan`);
    await Promise.all([page.waitForURL(`**/cases/${caseId}/notes`), page.getByRole('navigation', { name: 'Dit dossier' }).getByRole('link', { name: 'Werkaantekeningen' }).click()]);
    assert.match(await page.locator('.bt-staff-only').innerText(), /Alleen voor medewerkers — nooit zichtbaar in Mijn Buurtteam/);
    response = await submitForm(page, 'Aantekening opslaan');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'note-body', 'Vul dit in.');
    await page.locator('#note-body').fill('Moeder lijkt overbelast; volgende keer vragen naar haar netwerk.');
    response = await submitForm(page, 'Aantekening opslaan');
    assert.equal(response.status(), 200);
    assert.match(await page.locator('#notes').innerText(), /Moeder lijkt overbelast/);
    assert.equal(await page.locator('#note-body').inputValue(), '', 'the form is empty again');
    await expectAccessible(page, 'working notes');
    await page.goto(`/cases/${caseId}/plan`);
    assert.equal(await page.getByText('Moeder lijkt overbelast').count(), 0, 'working notes are not on the plan page');

    // Agreement on behalf of the parent, to the current version.
    const version = Number((await page.locator('.bt-badges .utrecht-status-badge', { hasText: /^Versie \d+$/ }).innerText()).match(/\d+/)[0]);
    await page.locator('#agreement-person_id').selectOption({ label: parentName });
    response = await submitForm(page, 'Akkoord vastleggen');
    assert.equal(response.status(), 200);
    assert.equal(await page.locator('#agreed-current').innerText(), `Akkoord met deze versie: ${parentName}.`);
    const agreed = page.locator('#agreements tbody tr').first();
    assert.match(await agreed.innerText(), new RegExp(`${version} \\(huidige versie\\)\\s+${parentName}\\s+namens het gezinslid, door ${self.name}`));

    // A network member on the household goal: a bad e-mail address first, then the code, once.
    form = await openForm(goalCard(page, householdGoal), 'Belangrijke ander uitnodigen');
    await form.locator('[name="name"]').fill('Truus de Vries');
    await form.locator('[name="relation"]').fill('buurvrouw');
    await form.locator('[name="email"]').fill('truus-at-example');
    response = await submitForm(page, form.getByRole('button', { name: 'Uitnodiging maken' }));
    assert.equal(response.status(), 422);
    await expectFieldError(page, `g${homeId}-network-email`, 'naam@voorbeeld.nl');
    assert.equal(await page.locator(`#g${homeId}-network-name`).inputValue(), 'Truus de Vries');
    assert.equal(await goalCard(page, householdGoal).locator('.bt-network').count(), 0, 'nobody was invited');
    await page.locator(`#g${homeId}-network-email`).fill('truus@example.nl');
    response = await submitForm(page, goalCard(page, householdGoal).getByRole('button', { name: 'Uitnodiging maken' }));
    assert.equal(response.status(), 200);
    assert.match(await page.locator('#notice').innerText(), /De uitnodiging voor Truus de Vries is gemaakt/);
    const code = (await page.locator('#one-time-code').innerText()).trim();
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.ok(!page.url().includes(code), 'the code is not in the URL');
    await expectAccessible(page, 'plan with a one-time code');
    await page.goto(`/cases/${caseId}/plan`);
    assert.equal(await page.locator('#one-time-code').count(), 0, 'the code is shown once');
    assert.equal(await page.getByText(code).count(), 0);
    const invited = goalCard(page, householdGoal).locator('.bt-network', { hasText: 'Truus de Vries' });
    assert.match(await invited.innerText(), /\(buurvrouw\)\s+uitgenodigd, code nog niet gebruikt/);
    response = await submitForm(page, invited.getByRole('button', { name: /^Intrekken/ }));
    assert.equal(response.status(), 200);
    const revoked = goalCard(page, householdGoal).locator('.bt-network', { hasText: 'Truus de Vries' });
    assert.match(await revoked.innerText(), /ingetrokken/);
    assert.equal(await revoked.getByRole('button').count(), 0, 'a revoked invitation cannot be revoked again');

    // An invitation into Mijn Buurtteam for the parent: the code shown once.
    response = await submitForm(page, `${household.parent} ${household.familyName} uitnodigen voor Mijn Buurtteam`);
    assert.equal(response.status(), 200);
    assert.match(await page.locator('#notice').innerText(), new RegExp(`De uitnodiging voor ${parentName} is gemaakt`));
    assert.match((await page.locator('#one-time-code').innerText()).trim(), /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // The goal reached: a change with a before and an after.
    await page.goto(`/cases/${caseId}/plan`);
    form = await openForm(goalCard(page, householdGoal), 'Doel wijzigen');
    await form.locator(`[name="status"]`).selectOption('achieved');
    response = await submitForm(page, form.getByRole('button', { name: 'Wijziging opslaan' }));
    assert.equal(response.status(), 200);
    assert.match(await goalCard(page, householdGoal).innerText(), /Status: Bereikt/);

    // The history in words: who changed what, when; newest first.
    await Promise.all([page.waitForURL(`**/cases/${caseId}/plan/history`), page.getByRole('link', { name: 'Geschiedenis van het plan' }).click()]);
    const items = page.locator('.bt-history__item');
    const headings = await items.locator('h2').allInnerTexts();
    assert.match(headings[0], /^Versie \d+: Doel gewijzigd$/);
    for (const what of ['Doel toegevoegd', 'Actie toegevoegd', 'Actie klaar', 'Zelfredzaamheid gemeten', 'Evaluatie vastgelegd', 'Belangrijke ander uitgenodigd', 'Uitnodiging van belangrijke ander ingetrokken']) {
      assert.ok(headings.some((h) => h.endsWith(`: ${what}`)), `the history has "${what}": ${headings.join(' | ')}`);
    }
    const latest = await items.first().innerText();
    assert.match(latest, new RegExp(`Door ${self.name} \\(Gezinswerker\\), ${dutchDate(isoDate(0))} om \\d\\d:\\d\\d`));
    assert.match(latest, new RegExp(`Bij het doel: ${householdGoal}`));
    assert.match(latest, /Status: Loopt werd Bereikt/);
    assert.match(await items.filter({ has: page.locator('h2', { hasText: 'Actie toegevoegd' }) }).innerText(), new RegExp(`Wie doet het: Gezinslid: ${parentName}`));
    const childAdded = items.filter({ hasText: childGoal }).filter({ has: page.locator('h2', { hasText: 'Doel toegevoegd' }) });
    assert.match(await childAdded.innerText(), new RegExp(`Van wie: ${childName}`));
    assert.match(await items.filter({ has: page.locator('h2', { hasText: 'ingetrokken' }) }).innerText(), /Belangrijke ander: Truus de Vries \(buurvrouw\)/);
    await expectAccessible(page, 'plan history');
    await screenshot(page, 'family-plan-history');

    // In English too, from the catalogue: no message key shows through.
    await page.goto(`/language?set=en&back=${encodeURIComponent(`/cases/${caseId}/plan`)}`);
    assert.equal(await page.locator('h1').innerText(), `Family plan: ${childName}`);
    assert.doesNotMatch(await page.locator('main').innerText(), /\b(plan|access|label|hint|field-error|goal-status|performer)-[a-z0-9-]+\b/);
    await page.goto(`/language?set=nl&back=${encodeURIComponent(`/cases/${caseId}/plan/history`)}`);

    // A family worker does not read the access log.
    const refused = await page.goto(`/cases/${caseId}/access-log`);
    assert.equal(refused.status(), 403);

    // The team manager reads who looked at the case, and from which session.
    const mp = manager.page;
    await login(mp, users.manager1);
    await mp.goto(`/cases/${caseId}`);
    assert.equal(await mp.locator('.utrecht-status-badge', { hasText: 'Evaluatie uiterlijk' }).innerText(), `Evaluatie uiterlijk ${dutchDate(next)}: nog 28 dagen`, 'the file shows the next evaluation');
    await Promise.all([mp.waitForURL(`**/cases/${caseId}/access-log`), mp.getByRole('link', { name: 'Toegangslog van dit dossier' }).click()]);
    assert.equal(await mp.locator('h1').innerText(), `Toegangslog: ${childName}`);
    const log = mp.locator('#access-log tbody tr');
    const byWorker = log.filter({ hasText: self.name });
    for (const what of ['Gezinsplan gelezen', 'Werkaantekeningen gelezen', 'Doel toegevoegd', 'Akkoord met het plan vastgelegd']) {
      assert.ok((await byWorker.filter({ hasText: what }).count()) >= 1, `the log shows the worker's "${what}"`);
    }
    const planRead = byWorker.filter({ hasText: 'Gezinsplan gelezen' }).first();
    const cells = await planRead.locator('td').allInnerTexts();
    assert.match(cells[0], new RegExp(`^${dutchDate(isoDate(0))} om \\d\\d:\\d\\d$`));
    assert.equal(cells[1], `${self.name} (account ${self.id})`);
    assert.equal(cells[2], 'Gezinswerker');
    assert.ok(cells[6].trim().length > 0, 'the session is named');
    assert.match(await byWorker.filter({ hasText: 'Akkoord met het plan vastgelegd' }).first().innerText(), new RegExp(`namens ${parentName}`));
    await expectAccessible(mp, 'access log');
    // Reading the log is logged too: the next read shows it, with the manager's name.
    const managerName = (await me(mp)).name;
    await mp.reload();
    assert.equal(await log.filter({ hasText: 'Toegangslog gelezen' }).filter({ hasText: managerName }).count(), 1, 'the first read of the log is in the log');
    await screenshot(mp, 'access-log');
  } finally {
    await worker.context.close();
    await manager.context.close();
  }
});

test('the family proposes new words for a goal in Mijn Buurtteam; the worker accepts one proposal and declines another', async () => {
  const worker = await newPage(browser, server);
  const family = await newPage(browser, server);
  try {
    const { page } = worker;
    await login(page, users.worker1);
    const household = await registerHousehold(page);
    const caseId = await registerReferral(page, household);
    await submitForm(page, 'Kennismaking opslaan');
    await submitForm(page, 'Start opslaan');
    await page.goto(`/cases/${caseId}/plan`);
    // A goal of the child (12): the parent with parental authority sees it and may propose.
    const title = 'Vaker samen naar buiten.';
    await page.locator('#goal-title').fill(title);
    await page.locator('#goal-client_id').selectOption({ label: `${household.child} ${household.familyName}` });
    assert.equal((await submitForm(page, 'Doel toevoegen')).status(), 200);
    const id = await goalId(goalCard(page, title));
    await page.goto(`/cases/${caseId}/notes`);
    await page.locator('#note-body').fill('Werkaantekening: niet voor het gezin.');
    assert.equal((await submitForm(page, 'Aantekening opslaan')).status(), 200);

    // The parent gets a code and activates an account with it.
    await page.goto(`/cases/${caseId}/plan`);
    await submitForm(page, `${household.parent} ${household.familyName} uitnodigen voor Mijn Buurtteam`);
    const code = (await page.locator('#one-time-code').innerText()).trim();
    const fp = family.page;
    await fp.goto('/portal/activate');
    await fp.fill('#code', code);
    await fp.fill('#email', `${household.familyName.toLowerCase()}@example.nl`);
    await fp.fill('#password', 'een lange zin als wachtwoord');
    if (await fp.locator('#repeat_password').count()) await fp.fill('#repeat_password', 'een lange zin als wachtwoord');
    await submitForm(fp, fp.locator('form[action="/portal/activate"] button[type="submit"]'));
    await fp.goto('/portal');
    assert.equal(new URL(fp.url()).pathname, '/portal', 'the parent is in Mijn Buurtteam');
    assert.equal(await fp.getByText('Werkaantekening: niet voor het gezin.').count(), 0, 'working notes are never in the portal');

    /** The parent proposes `words` for the goal through the portal's form. */
    async function propose(words) {
      await fp.goto('/portal');
      const form = fp.locator(`form[action^="/portal/goals/${id}/proposals"]`);
      const details = fp.locator('details', { has: form });
      if ((await details.count()) && !(await details.evaluate((d) => d.open))) await details.locator('summary').click();
      await form.locator('input[type="text"]').first().fill(words);
      const response = await submitForm(fp, form.locator('button[type="submit"]'));
      assert.ok(response.status() < 400, `the proposal is saved (${response.status()})`);
    }

    // Accepted: the goal takes the family's words, as a new version.
    const words = 'Elke zaterdag samen naar het park.';
    await propose(words);
    await page.goto(`/cases/${caseId}/plan`);
    let proposal = goalCard(page, title).locator('.bt-proposal', { hasText: words });
    assert.match(await proposal.innerText(), /Wacht op de gezinswerker/);
    await expectAccessible(page, 'plan with a pending proposal');
    assert.equal((await submitForm(page, proposal.getByRole('button', { name: /^Overnemen/ }))).status(), 200);
    const card = goalCard(page, words);
    assert.equal(await card.count(), 1, 'the goal has the proposed words');
    assert.match(await card.locator('.bt-proposal', { hasText: words }).innerText(), /Overgenomen/);
    assert.equal(await card.locator('.bt-proposal').getByRole('button').count(), 0, 'a decided proposal has no buttons');

    // Declined: the goal keeps its words.
    const other = 'Nooit meer naar buiten.';
    await propose(other);
    await page.goto(`/cases/${caseId}/plan`);
    proposal = goalCard(page, words).locator('.bt-proposal', { hasText: other });
    assert.equal((await submitForm(page, proposal.getByRole('button', { name: /^Niet overnemen/ }))).status(), 200);
    assert.match(await goalCard(page, words).locator('.bt-proposal', { hasText: other }).innerText(), /Niet overgenomen/);
    assert.equal(await goalCard(page, other).count(), 0, 'the declined words did not become the goal');

    // The history names the accepted proposal with the words before and after.
    await page.goto(`/cases/${caseId}/plan/history`);
    const accepted = page.locator('.bt-history__item', { has: page.locator('h2', { hasText: 'Voorstel van het gezin overgenomen' }) });
    assert.match(await accepted.innerText(), new RegExp(`Doel: “${title}” werd “${words}”`));

    // An evaluation whose next date has passed: late, in words and in colour, on the plan and
    // on the worklist.
    await page.goto(`/cases/${caseId}/plan`);
    const form = await openForm(page, 'Evaluatie vastleggen');
    await form.locator('#evaluation-held_on').fill(isoDate(-10));
    await form.locator('#evaluation-went_well').fill('Twee keer naar het park.');
    await form.locator('#evaluation-changes').fill('Niets.');
    await form.locator('#evaluation-next_on').fill(isoDate(-3));
    assert.equal((await submitForm(page, 'Evaluatie opslaan')).status(), 200);
    const late = page.locator('#next-evaluation');
    assert.equal(await late.innerText(), `Evaluatie uiterlijk ${dutchDate(isoDate(-3))}: 3 dagen te laat`);
    assert.match(await late.getAttribute('class'), /utrecht-status-badge--danger/);
    await page.goto('/?scope=mine&status=in_support');
    const row = page.locator('#worklist-results .bt-case-card', { has: page.locator(`a[href="/cases/${caseId}"]`) });
    assert.match(await row.getAttribute('class'), /bt-case-card--overdue/);
    const badge = row.locator('.utrecht-status-badge');
    assert.equal(await badge.innerText(), '3 dagen te laat');
    assert.match(await badge.getAttribute('class'), /utrecht-status-badge--danger/);
    await expectAccessible(page, 'worklist with a late evaluation');
  } finally {
    await worker.context.close();
    await family.context.close();
  }
});
