// A team manager's worklist and waiting list; a family worker of another team cannot open the
// team's cases.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { launchBrowser, login, me, newPage, users, setUp } from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "16 oktober 2026" -> "2026-10-16". */
function parseDutchDate(text) {
  const m = text.trim().match(/^(\d{1,2}) (\p{L}+) (\d{4})$/u);
  assert.ok(m, `a Dutch date: ${JSON.stringify(text)}`);
  const month = MONTHS.indexOf(m[2]) + 1;
  assert.ok(month > 0, `a Dutch month: ${m[2]}`);
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

/** The cell texts of a table's column, by its header text. */
async function column(table, header) {
  const headers = await table.locator('thead th').allInnerTexts();
  const index = headers.findIndex((h) => h.trim() === header);
  assert.ok(index >= 0, `column ${header} in ${headers.join(' | ')}`);
  return table.locator(`tbody tr td:nth-child(${index + 1})`).allInnerTexts();
}

test('a team manager sees the team worklist and the waiting list, longest waiting first; another team gets a 404', async () => {
  const manager = await newPage(browser, server);
  const other = await newPage(browser, server);
  try {
    const { page } = manager;
    await login(page, users.manager1);
    const self = await me(page);
    assert.equal(self.role, 'team_manager');
    assert.ok(self.team_ids.length >= 1);

    // The worklist: scope "team" is the manager's default, with the team's cases.
    assert.ok(await page.locator('#scope-team').isChecked(), 'a team manager sees the whole team by default');
    assert.ok(!(await page.locator('#scope-mine').isChecked()));
    const teamNames = (await page.locator('#team_id option').allTextContents()).slice(1).map((t) => t.trim());
    assert.ok(teamNames.length > 0 && teamNames.every((t) => t.length > 0), `team names: ${teamNames}`);
    assert.equal(teamNames.length, self.team_ids.length, 'the team filter offers the manager\'s teams');
    // Each card names its team (the manager has more than one) and who carries it.
    const referred = await page.locator('section:has(#section-referred) .bt-case-card__meta').allInnerTexts();
    assert.ok(referred.length > 0, 'the team has new referrals');
    for (const meta of referred) assert.ok(teamNames.some((t) => meta.includes(t)), `the case (${meta}) belongs to one of the manager's teams`);
    // Cases of colleagues too, not only the manager's own.
    const metas = await page.locator('section:has(#section-in-support) .bt-case-card__meta').allInnerTexts();
    const inSupportWorkers = metas.map((m) => (m.match(/Gezinswerker: (.+)$/) || [])[1]);
    assert.ok(new Set(inSupportWorkers).size > 1, `the team scope shows cases of several workers: ${inSupportWorkers}`);

    // A link to each team's waiting list; open the first.
    const teamId = self.team_ids[0];
    const teamName = (await page.locator(`#team_id option[value="${teamId}"]`).textContent()).trim();
    const link = page.getByRole('link', { name: `Wachtlijst ${teamName}`, exact: true });
    assert.equal(await link.getAttribute('href'), `/teams/${teamId}/waiting-list`);
    await Promise.all([page.waitForURL(`**/teams/${teamId}/waiting-list`), link.click()]);
    assert.equal(await page.locator('h1').innerText(), `Wachtlijst ${teamName}`);
    const table = page.locator('table.utrecht-table');
    assert.equal(await table.locator('caption').innerText(), 'Wachtlijst, langst wachtend eerst');
    const dates = (await column(table, 'Aangemeld op')).map(parseDutchDate);
    assert.ok(dates.length >= 2, `the waiting list has cases (${dates.length})`);
    const sorted = [...dates].sort();
    assert.deepEqual(dates, sorted, 'the referral dates are ascending: longest waiting first');
    const waited = (await column(table, 'Wacht al')).map((t) => Number(t.match(/\d+/)[0]));
    for (let i = 1; i < waited.length; i++) assert.ok(waited[i - 1] >= waited[i], `waited days descend: ${waited.slice(0, i + 1)}`);
    assert.equal(await page.locator('main p strong').first().innerText(), `${dates.length} gezinnen wachten op een kennismaking`);

    // A case of that team, and its client's name.
    const firstCase = table.locator('tbody tr').first().locator('a');
    const caseHref = await firstCase.getAttribute('href');
    const clientName = (await firstCase.innerText()).trim();
    assert.match(caseHref, /^\/cases\/\d+$/);
    const own = await page.goto(caseHref);
    assert.equal(own.status(), 200, 'the manager opens the case');

    // A family worker of another team: not found, and nothing of the case shows.
    let otherUser;
    for (let n = 10; n <= 60 && !otherUser; n++) {
      await other.context.clearCookies();
      await login(other.page, users.worker(n));
      const who = await me(other.page);
      if (who.role === 'family_worker' && !who.team_ids.includes(teamId)) otherUser = who;
    }
    assert.ok(otherUser, 'a family worker of another team exists');
    const response = await other.page.goto(caseHref);
    assert.equal(response.status(), 404, `${otherUser.email} gets 404 for ${caseHref}`);
    assert.equal(await other.page.locator('h1').innerText(), 'Niet gevonden');
    assert.match(await other.page.locator('main').innerText(), /Deze pagina bestaat niet, of u mag hem niet zien\./);
    assert.ok(!(await other.page.content()).includes(clientName), 'the client\'s name is not on the page');
    // Nor the team's waiting list.
    const wl = await other.page.goto(`/teams/${teamId}/waiting-list`);
    assert.ok([403, 404].includes(wl.status()), `waiting list of another team: ${wl.status()}`);
    assert.ok(!(await other.page.content()).includes(clientName));
  } finally {
    await manager.context.close();
    await other.context.close();
  }
});
