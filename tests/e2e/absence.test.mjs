// Staff absence in the browser (issue 20, decision 0036): HR starts on "Verzuim", records a
// spell for a family worker of a team that is not teammanager1's (a future first day first,
// refused beside the field in Dutch; a percentage out of range likewise), sees the worker as
// absent on the overview, and ends the spell (an end before the start refused first). The team
// manager sees only their own teams and gets no page of that worker; the worker reads their own
// spells. Every page: zero axe violations, no sideways scrolling, screenshots at 1366 and 390 px.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  api,
  apiAs,
  checkBothWidths,
  expectFieldError,
  isoDate,
  login,
  logout,
  newPage,
  setUp,
  submitForm,
  users,
} from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

const HR = 'hr@demo.buurtteam.nl';
const made = {};

test('HR records a spell for a worker of another team, sees it on the overview and ends it', async () => {
  const manager = await apiAs(browser, server, users.manager1);
  made.managerTeams = (await api(manager, 'GET', '/api/v1/auth/me', undefined, 200)).team_ids;
  await manager.close();

  const { context, page } = await newPage(browser, server, { viewport: { width: 1366, height: 900 } });
  try {
    // HR's start page is the absence overview, with the menu item marked.
    await login(page, HR, { expectPath: '/absence' });
    assert.equal(await page.locator('.bt-nav__link[aria-current="page"]').innerText(), 'Verzuim');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Verzuim');
    const sections = await page.locator('section[aria-labelledby^="team-"]').count();
    assert.ok(sections > 2, `HR sees every team (${sections})`);
    assert.ok((await page.getByText(/^Afwezig sinds /).count()) > 0, 'the demo has someone absent now');
    // The figures per team, and of the whole organisation, before the people.
    const figures = page.getByRole('region', { name: /^Verzuimcijfers \(streefwaarde 7,0%\)$/ });
    assert.equal(await figures.locator('tbody tr').count(), sections + 1, 'a row per team and one together');
    assert.match(await figures.locator('tbody tr').last().innerText(), /Alle getoonde teams samen\s+\d+,\d%/);
    await checkBothWidths(page, 'absence-hr');

    // A present family worker of a team teammanager1 does not manage.
    const other = await page.locator('section[aria-labelledby^="team-"]').evaluateAll((els, mine) => {
      for (const s of els) {
        const team = Number(s.getAttribute('aria-labelledby').slice('team-'.length));
        if (!team || mine.includes(team)) continue;
        for (const row of s.querySelectorAll('tbody tr')) {
          const cells = row.querySelectorAll('td');
          if (cells[0]?.textContent === 'Gezinswerker' && cells[2]?.textContent === 'Aanwezig') {
            const link = row.querySelector('a');
            return { team, href: link.getAttribute('href'), name: link.textContent };
          }
        }
      }
      return null;
    }, made.managerTeams);
    assert.ok(other, 'a present family worker in a team of another manager');
    made.other = other;

    // The filter shows one team.
    await page.selectOption('#team', String(other.team));
    await submitForm(page, 'Toon');
    assert.equal(await page.locator('section[aria-labelledby^="team-"]').count(), 1);

    await Promise.all([page.waitForURL(/\/absence\/users\/\d+$/), page.getByRole('link', { name: other.name }).click()]);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `Verzuim van ${other.name}`);
    // No field for a reason, anywhere.
    assert.equal(await page.locator('input[name*="reason"], textarea, select[name*="reason"]').count(), 0);

    // A first day in the future: refused beside the field, in Dutch.
    await page.fill('#new-starts_on', isoDate(3));
    await submitForm(page, 'Verzuim vastleggen');
    await expectFieldError(page, 'new-starts_on', 'Deze datum ligt in de toekomst. Kies vandaag of eerder.');
    await checkBothWidths(page, 'absence-record-error');

    // A percentage out of range: likewise.
    await page.fill('#new-starts_on', isoDate(-2));
    await page.fill('#new-expected_back_on', isoDate(10));
    await page.fill('#new-percentage', '150');
    await submitForm(page, 'Verzuim vastleggen');
    await expectFieldError(page, 'new-percentage', 'Vul een percentage in van 1 tot en met 100.');

    await page.fill('#new-percentage', '100');
    await submitForm(page, 'Verzuim vastleggen');
    assert.match(await page.locator('#done').innerText(), /Het verzuim is vastgelegd\./);
    const first = page.locator('#spells tbody tr').first();
    assert.match(await first.innerText(), /Loopt nog/);
    assert.match(await first.innerText(), /100%/);
    made.userPath = new URL(page.url()).pathname;
    await checkBothWidths(page, 'absence-person');

    // The overview of the team says the worker is absent now.
    await page.goto(`/absence?team=${other.team}`);
    const row = page.locator('tbody tr', { has: page.getByRole('link', { name: other.name }) });
    assert.match(await row.innerText(), /Afwezig sinds .* \(100%\)/);

    // End the spell. Changed by someone else after the form was shown: a readable conflict,
    // and the form shows the spell as it is now.
    await page.goto(made.userPath);
    await Promise.all([page.waitForURL(/change=\d+/), page.locator('#spells tbody tr').first().getByRole('link').click()]);
    const spellId = new URL(page.url()).searchParams.get('change');
    const hrApi = await apiAs(browser, server, HR);
    await api(hrApi, 'PATCH', `/api/v1/absences/${spellId}`, { expected_back_on: isoDate(12) }, 200);
    await hrApi.close();
    await page.fill('#change-ends_on', isoDate(-1));
    const conflict = await submitForm(page, 'Wijziging opslaan');
    assert.equal(conflict?.status(), 409);
    assert.match(await page.locator('.bt-error-summary').innerText(), /Iemand anders heeft deze periode net gewijzigd/);
    assert.equal(await page.inputValue('#change-expected_back_on'), isoDate(12));
    assert.equal(await page.inputValue('#change-ends_on'), '');
    // An end before the first day is refused beside the field, then yesterday.
    await page.fill('#change-ends_on', isoDate(-5));
    await submitForm(page, 'Wijziging opslaan');
    await expectFieldError(page, 'change-ends_on', 'vóór de eerste dag');
    await checkBothWidths(page, 'absence-change-error');
    await page.fill('#change-ends_on', isoDate(-1));
    await submitForm(page, 'Wijziging opslaan');
    assert.match(await page.locator('#done').innerText(), /De verzuimperiode is gewijzigd\./);
    assert.doesNotMatch(await page.locator('#spells tbody tr').first().innerText(), /Loopt nog/);
    await page.goto(`/absence?team=${other.team}`);
    assert.match(await row.innerText(), /Aanwezig/, 'back since today');
  } finally {
    await context.close();
  }
});

test('a team manager sees only their teams and no page of a worker of another team', async () => {
  assert.ok(made.userPath, 'the first test recorded a spell');
  const { context, page } = await newPage(browser, server, { viewport: { width: 1366, height: 900 } });
  try {
    await login(page, users.manager1);
    await Promise.all([page.waitForURL(/\/absence$/), page.getByRole('link', { name: 'Verzuim', exact: true }).click()]);
    const shown = await page
      .locator('section[aria-labelledby^="team-"]')
      .evaluateAll((els) => els.map((s) => Number(s.getAttribute('aria-labelledby').slice('team-'.length))));
    assert.deepEqual([...shown].sort(), [...made.managerTeams].sort(), 'only their own teams');
    const options = await page.locator('#team option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    assert.deepEqual(options.map(Number).sort(), [...made.managerTeams].sort());
    await checkBothWidths(page, 'absence-manager');

    // The worker of another team: no page, no spells through the API, no team in the filter.
    const res = await page.goto(made.userPath);
    assert.ok([403, 404].includes(res.status()), `a person of another team: ${res.status()}`);
    assert.equal(await page.locator('#spells').count(), 0);
    const id = made.userPath.split('/').pop();
    const refused = await page.request.get(`/api/v1/users/${id}/absences`);
    assert.ok([403, 404].includes(refused.status()));
    assert.equal((await page.goto(`/absence?team=${made.other.team}`)).status(), 404);

    // A person of their own team: the page with the form.
    await page.goto('/absence');
    await Promise.all([
      page.waitForURL(/\/absence\/users\/\d+$/),
      page.locator('section[aria-labelledby^="team-"] tbody tr', { hasText: 'Gezinswerker' }).first().getByRole('link').click(),
    ]);
    assert.equal(await page.getByRole('button', { name: 'Verzuim vastleggen' }).count(), 1);
    await logout(page);

    // A family worker has no menu item; /absence shows their own spells, without a form.
    await login(page, users.worker1);
    assert.equal(await page.locator('.bt-nav__link', { hasText: 'Verzuim' }).count(), 0);
    await page.goto('/account');
    await Promise.all([page.waitForURL(/\/absence\/users\/\d+$/), page.getByRole('link', { name: 'Mijn verzuim bekijken' }).click()]);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Mijn verzuim');
    assert.equal(await page.getByRole('button', { name: 'Verzuim vastleggen' }).count(), 0);
    await checkBothWidths(page, 'absence-own');
    const res2 = await page.goto(made.userPath);
    assert.ok([403, 404].includes(res2.status()), 'not a colleague\'s spells');
  } finally {
    await context.close();
  }
});
