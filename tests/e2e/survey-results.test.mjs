// The experience survey's results on the dashboards (issue 17, decision 0031): an analyst
// reads the city's figures, per quarter and the response per team; a team manager reads their
// team's figures suppressed and its open answers; a family worker reads their team's figures
// but never an open answer. Zero axe violations; screenshots at 1366 and 390 px.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectAccessible, expectNoHorizontalScroll, login, newPage, screenshot, setUp, users } from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

/** The survey sections' cells as text, by the row's heading. */
async function rows(page, name) {
  return page.locator(`section.bt-dash-table--${name} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())),
  );
}

async function atBothWidths(page, name) {
  for (const [width, height] of [[1366, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await expectNoHorizontalScroll(page, `${name} at ${width} px`);
    await page.locator('section.bt-dash-table--survey').scrollIntoViewIfNeeded();
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A Dutch percentage "91,3" as a number. */
const pct = (s) => Number(s.replace('.', '').replace(',', '.'));

test('an analyst reads the city: agreement per statement, report mark, response per team', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.analyst, { expectPath: '/dashboards' });
    await page.goto('/dashboards?scope=city&period=half');
    const heading = page.getByRole('heading', { level: 2, name: /^Ervaringswijzer: hoe gezinnen de hulp ervaren/ });
    await heading.waitFor();
    const figures = await rows(page, 'survey');
    const row = (label) => figures.find((r) => r[0].startsWith(label)) ?? [];
    assert.ok(Number(row('Reacties')[1].replace('.', '')) > 20, 'far more responses than the seeds’ twenty');
    // The synthetic city is calibrated to the seeds: 94% helped quickly, 46% doing better.
    const quickly = row('(Helemaal) eens (%): We zijn snel geholpen.')[1];
    assert.ok(pct(quickly) > 88 || /^minstens/.test(quickly), `helped quickly: ${quickly}`);
    const better = pct(row('(Helemaal) eens (%): Het gaat nu beter met ons gezin.')[1]);
    assert.ok(better > 35 && better < 57, `doing better: ${better}`);
    const mark = pct(row('Rapportcijfer (gemiddeld)')[1]);
    assert.ok(mark > 7 && mark < 8.5, `report mark ${mark}`);
    // Over time, and the response rate of every team.
    assert.ok((await rows(page, 'survey_quarters')).length >= 4, 'at least four quarters');
    const teams = await rows(page, 'survey_teams');
    assert.equal(teams.length, 23, 'twenty neighbourhood teams and three school teams');
    // No open answers for an analyst, and none of one family anywhere.
    assert.equal(await page.locator('section.bt-dash-table--survey_open_answers').count(), 0);
    await expectAccessible(page, 'dashboard with the survey, city');
    await atBothWidths(page, 'survey-results-city');
    // The half-year report carries the survey too.
    await page.goto('/reports/half-year?scope=city');
    await page.getByRole('heading', { level: 2, name: /^Ervaringswijzer: hoe gezinnen de hulp ervaren/ }).waitFor();
    await expectAccessible(page, 'half-year report with the survey');
    // And the export of the survey table.
    const csv = await page.request.get('/dashboards/export.csv?scope=city&period=half&table=survey');
    assert.equal(csv.status(), 200);
    assert.match(await csv.text(), /Reacties;/);
  } finally {
    await context.close();
  }
});

test('a team manager reads their team suppressed, and its open answers', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.manager1);
    await page.goto('/dashboards?period=half');
    await page.getByRole('heading', { level: 1, name: /^Sturing: Team / }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Ervaringswijzer: hoe gezinnen de hulp ervaren/ }).waitFor();
    const open = page.locator('section.bt-dash-table--survey_open_answers');
    await open.getByRole('heading', { level: 2, name: 'Open antwoorden uit de Ervaringswijzer' }).waitFor();
    const note = await open.locator('.bt-chart-empty').innerText();
    const answers = await open.locator('tbody tr').count();
    if (/te weinig reacties/.test(note)) {
      assert.equal(answers, 0, 'withheld: none shown');
    } else {
      assert.ok(answers > 0, 'the open answers of the team');
      assert.match(note, /Namen en nummers zijn eruit gehaald/);
    }
    // Every figure is a number, "<5" or "minstens ...": never one family.
    for (const r of await rows(page, 'survey')) {
      for (const cell of r.slice(1)) assert.match(cell, /^(<5|minstens [\d.,]+|[\d.,]+|—)$/, `cell ${cell}`);
    }
    await expectAccessible(page, 'dashboard with the survey, team manager');
    await atBothWidths(page, 'survey-results-team-manager');
  } finally {
    await context.close();
  }
});

test('a family worker reads their team but no open answers', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.worker1);
    await page.goto('/dashboards?period=half');
    await page.getByRole('heading', { level: 2, name: /^Ervaringswijzer: hoe gezinnen de hulp ervaren/ }).waitFor();
    assert.equal(await page.locator('section.bt-dash-table--survey_open_answers').count(), 0);
    assert.equal(await page.getByText('Fijn dat er snel iemand langskwam.').count(), 0);
    // The API refuses the open answers and the city.
    // The first half of last year: a whole half year that has ended, whatever the day.
    const year = new Date().getFullYear() - 1;
    const q = `from=${year}-01-01&to=${year}-06-30`;
    assert.equal((await page.request.get(`/api/v1/survey-results?${q}`)).status(), 403);
    const team = (await page.locator('#scope').inputValue()).replace('team-', '');
    assert.equal((await page.request.get(`/api/v1/survey-results/open-answers?${q}&team_id=${team}`)).status(), 403);
    await expectAccessible(page, 'dashboard with the survey, family worker');
  } finally {
    await context.close();
  }
});
