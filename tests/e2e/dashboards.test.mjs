// Steering dashboards (#6) in the browser: every dashboard page and the half-year report
// without axe violations (WCAG 2.1 A/AA), the period picker as a plain GET form, the charts
// as named images with their tables, suppression for analysts, and the exports. A team
// manager lands on their team without comparisons of teams or districts; an empty chart says
// why; the half-year report prints with its key figures on page 1.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { join } from 'node:path';
import { ARTIFACTS, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, newPage, screenshot, users, setUp } from './helpers.mjs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

/** The text of each page of a PDF. */
async function pdfPages(bytes) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((x) => x.str).join(' ').replace(/\s+/g, ' '));
  }
  return pages;
}

/** No sideways scrolling and a screenshot at 1366 and 390 px wide. */
async function atBothWidths(page, name) {
  for (const [width, height] of [[1366, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await expectNoHorizontalScroll(page, `${name} at ${width} px`);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The options of the area picker: [value, label]. */
async function scopes(page) {
  return page.locator('#scope option').evaluateAll((os) => os.map((o) => [o.value, o.textContent.trim()]));
}

test('an analyst: city, a district, a team and the report, all accessible and suppressed', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.analyst, { expectPath: '/dashboards' });
    await page.locator('nav.bt-nav').getByRole('link', { name: 'Sturing', exact: true }).click();
    assert.equal(new URL(page.url()).pathname, '/dashboards');
    await page.getByRole('heading', { level: 1, name: 'Sturing: Hele stad' }).waitFor();
    await expectAccessible(page, 'dashboard of the city');
    await screenshot(page, 'dashboard-city');
    // Charts are images with a name, each with its table.
    // The casework tables; the group tables (issue 19) come after them, see group-support.test.mjs.
    const casework = 'section.bt-dash-table:not([class*="--group_"]):not(.bt-dash-table--collective_by_district):not([class*="--survey"]):not(.bt-dash-table--complaints_by_team):not([class*="--outreach_"]):not(.bt-dash-table--absence):not(.bt-dash-table--gp_practices):not(.bt-dash-table--early_education):not([class*="--onward_"])';
    const charts = page.locator(`${casework} svg.bt-chart[role="img"]`);
    // Ten tables with a chart; the demo imports no population figures, so reach per 1,000
    // residents says so instead of drawing a chart, and the tile map is left out.
    assert.equal(await charts.count(), 9, 'nine charts');
    assert.match(await page.locator('section.bt-dash-table--reach .bt-chart-empty').innerText(), /geen inwonersaantallen ingelezen/);
    for (const svg of await charts.all()) {
      const name = await svg.evaluate((el) => document.getElementById(el.getAttribute('aria-labelledby')).textContent);
      assert.ok(name.length > 0, 'the chart has a name');
    }
    // Eleven tables of the KPIs, five of group support, absence and capacity (issue 20), GP
    // practices and VE locations (issue 15), three of onward referrals (issue 15: by kind, by
    // district, closures with one), three of the experience survey (decision 0031)
    // and the complaints per team; then the outreach
    // section (issue 16): the
    // demo's campaigns per campaign, approach (with the offer rates as a chart), district and
    // decline reason.
    const outreach = 'section.bt-dash-table[class*="--outreach_"]';
    assert.equal(await page.locator(`section.bt-dash-table:not([class*="--outreach_"]) table.utrecht-table`).count(), 26);
    assert.equal(await page.locator(`${outreach} table.utrecht-table`).count(), 4);
    assert.ok((await page.locator('section.bt-dash-table--outreach_approaches svg.bt-chart[role="img"]').count()) >= 1, 'offer rates per approach');
    await page.getByRole('heading', { level: 2, name: 'Outreach en vroegsignalering per campagne' }).waitFor();
    assert.equal(await page.locator(`${casework} table.utrecht-table`).count(), 11);
    assert.equal(await page.locator('.bt-chart__reference').count(), 3, 'the intake, absence and GP target lines');
    // Absence and capacity (issue 20): the demo's staff have contract hours and absence
    // around the 7% target; the city counts far more than 5 people, so the months show.
    const absence = page.locator('section.bt-dash-table--absence');
    await absence.getByRole('heading', { level: 2, name: 'Verzuim en capaciteit (streefwaarde verzuim 7,0%)' }).waitFor();
    assert.equal(await absence.locator('svg.bt-chart[role="img"]').count(), 1, 'the months against the target');
    assert.ok((await absence.getByText(/streefwaarde/).count()) > 1, 'each month says where it stands against the target');
    // Partners (issue 15): GP practices per district against the 60% target, never "<5"
    // (they are organisations), and the VE locations with a linked worker.
    const gp = page.locator('section.bt-dash-table--gp_practices');
    await gp.getByRole('heading', { level: 2, name: 'Samenwerking met huisartsenpraktijken (streefwaarde 60%)' }).waitFor();
    assert.equal(await gp.locator('svg.bt-chart[role="img"]').count(), 1, 'the share per district against the target');
    assert.equal(await gp.locator('th[scope="row"]', { hasText: 'Alle wijken samen' }).count(), 1, 'the city as a whole');
    assert.ok((await gp.getByText(/(Onder|Op of boven) de streefwaarde van 60%/).count()) > 1, 'each district says where it stands');
    assert.equal(await gp.getByText('<5').count(), 0, 'organisations are not suppressed');
    await gp.screenshot({ path: join(ARTIFACTS, 'dashboard-gp-practices.png') });
    // Onward referrals (issue 15): by kind of help, by district with all districts together,
    // and the share of closed cases that had one; people counts, so suppressed below 5.
    const kinds = page.locator('section.bt-dash-table--onward_by_kind');
    await kinds.getByRole('heading', { level: 2, name: 'Aanvullende hulp per soort hulp' }).waitFor();
    assert.equal(await kinds.locator('tbody tr').count(), 6, 'a row per kind of help');
    const kindRows = (await kinds.locator('tbody th').allTextContents()).map((t) => t.trim());
    assert.ok(kindRows.includes('Schuldhulpverlening'), kindRows.join(', '));
    const onwardDistricts = page.locator('section.bt-dash-table--onward_by_district');
    await onwardDistricts.getByRole('heading', { level: 2, name: 'Aanvullende hulp per wijk' }).waitFor();
    assert.equal(await onwardDistricts.locator('th[scope="row"]', { hasText: 'Alle wijken samen' }).count(), 1, 'the city as a whole');
    const onwardClosures = page.locator('section.bt-dash-table--onward_closures');
    await onwardClosures.getByRole('heading', { level: 2, name: 'Afgesloten begeleidingen met aanvullende hulp' }).waitFor();
    assert.equal(await onwardClosures.locator('th[scope="row"]', { hasText: 'Met aanvullende hulp' }).count(), 1);
    await onwardDistricts.locator('summary').first().click();
    for (const [width, height] of [[1366, 900], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await expectNoHorizontalScroll(page, `onward referrals at ${width} px`);
      await onwardDistricts.screenshot({ path: join(ARTIFACTS, `dashboard-onward-by-district-${width}.png`) });
      await onwardClosures.screenshot({ path: join(ARTIFACTS, `dashboard-onward-closures-${width}.png`) });
      await kinds.screenshot({ path: join(ARTIFACTS, `dashboard-onward-by-kind-${width}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    const ve = page.locator('section.bt-dash-table--early_education');
    await ve.getByRole('heading', { level: 2, name: 'VE-locaties met een gekoppelde gezinswerker' }).waitFor();
    assert.equal(await ve.getByText('100,0', { exact: true }).count(), 1, 'every demo VE location has its kernpartner');
    assert.equal(await page.locator('.bt-tilemap').count(), 0, 'no map of unknowns');
    assert.match(await page.locator('.bt-dash-note').innerText(), /onder de 5/);

    // The period picker is a plain GET form: a month, in the URL.
    await page.selectOption('#period', 'month');
    await page.fill('#start', '2026-03-10');
    await Promise.all([page.waitForURL(/period=month/), page.getByRole('button', { name: 'Toon cijfers' }).click()]);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('start'), '2026-03-10');
    await page.getByText('Deze periode: 1 maart 2026 t/m 31 maart 2026.').waitFor();
    await page.getByText('Vergeleken met de vorige periode: 1 februari 2026 t/m 28 februari 2026.').waitFor();
    await expectAccessible(page, 'dashboard of the city, one month');

    const options = await scopes(page);
    const district = options.find(([v]) => v.startsWith('district-'));
    const team = options.find(([v]) => v.startsWith('team-'));
    await page.goto(`/dashboards?scope=${district[0]}&period=half&start=2026-01-01`);
    await expectAccessible(page, `dashboard of ${district[1]}`);
    // A team in one month: some counts are below 5.
    await page.goto(`/dashboards?scope=${team[0]}&period=month&start=2026-02-01`);
    await expectAccessible(page, `dashboard of ${team[1]}`);
    assert.ok((await page.locator('.bt-kpi__value', { hasText: '<5' }).count()) > 0, 'small counts show as <5');

    // The report, printed and on a phone.
    await page.goto('/dashboards');
    await page.getByRole('link', { name: /Halfjaarrapportage/ }).click();
    assert.equal(new URL(page.url()).pathname, '/reports/half-year');
    await page.getByRole('heading', { level: 1, name: /Halfjaarrapportage/ }).waitFor();
    await expectAccessible(page, 'half-year report');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.bt-exports').first().isVisible(), false, 'no download links in print');
    assert.equal(await page.locator('header').first().isVisible(), false, 'no navigation in print');
    await screenshot(page, 'half-year-report-print');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await expectNoHorizontalScroll(page, 'half-year report on a phone');
    await expectAccessible(page, 'half-year report on a phone');

    // Exports keep the suppression.
    const csv = await page.request.get(`/dashboards/export.csv?scope=${team[0]}&period=month&start=2026-02-01&table=kpis`);
    assert.equal(csv.status(), 200);
    assert.equal(csv.headers()['content-type'], 'text/csv; charset=utf-8');
    const body = await csv.text();
    assert.match(body, /^\ufeff?Cijfer;Deze periode;Vorige periode;Verschil\r\n/);
    assert.match(body, /;<5;/, 'suppressed counts stay <5 in the export');
    const xlsx = await page.request.get('/dashboards/export.xlsx?scope=city&table=reach');
    assert.equal(xlsx.status(), 200);
    assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK');
  } finally {
    await context.close();
  }
});

test('a team manager and a family worker see what they may', async () => {
  const manager = await newPage(browser, server);
  const worker = await newPage(browser, server);
  try {
    await login(manager.page, users.manager1);
    await manager.page.goto('/dashboards');
    // A manager lands on their own team, and may still choose the city.
    await manager.page.getByRole('heading', { level: 1, name: /^Sturing: Team / }).waitFor();
    const chosen = await manager.page.locator('#scope').inputValue();
    assert.match(chosen, /^team-\d+$/, 'their team is chosen');
    await expectAccessible(manager.page, 'dashboard for a team manager');
    assert.ok((await scopes(manager.page)).some(([v]) => v === 'city'), 'a manager may read the city');
    // One team: no comparison of teams or districts, no reach per district, no map.
    for (const name of ['Aanmeldingen per team', 'Aanmeldingen per wijk', 'Bereik per wijk']) {
      assert.equal(await manager.page.getByRole('heading', { level: 2, name }).count(), 0, `no "${name}" for one team`);
    }
    assert.equal(await manager.page.locator('.bt-tilemap').count(), 0);
    assert.ok((await manager.page.locator('svg.bt-chart').count()) > 0, 'the team has charts');
    // Everything in one workbook.
    const [download] = await Promise.all([
      manager.page.waitForEvent('download'),
      manager.page.getByRole('link', { name: 'Download alles (Excel)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), new RegExp(`^sturing-${chosen}-quarter-\\d{4}-\\d{2}-01\\.xlsx$`));
    await atBothWidths(manager.page, 'dashboard-team-manager');
    // The city, chosen, still has its comparisons.
    await manager.page.goto('/dashboards?scope=city');
    await manager.page.getByRole('heading', { level: 2, name: 'Aanmeldingen per wijk' }).waitFor();

    await login(worker.page, users.worker1);
    await worker.page.locator('nav.bt-nav').getByRole('link', { name: 'Sturing', exact: true }).click();
    await worker.page.getByRole('heading', { level: 1, name: /^Sturing: Team / }).waitFor();
    await expectAccessible(worker.page, 'dashboard for a family worker');
    const offered = await scopes(worker.page);
    assert.ok(offered.length > 0 && offered.every(([v]) => v.startsWith('team-')), 'a family worker is offered only teams');
    const res = await worker.page.goto('/dashboards?scope=city');
    assert.equal(res.status(), 403);
    await expectAccessible(worker.page, 'refused dashboard');
  } finally {
    await manager.context.close();
    await worker.context.close();
  }
});

test('an empty chart says why', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.analyst, { expectPath: '/dashboards' });
    // A month long before the demo's year: no cases, and no population figures yet (those
    // of the demo are of 1 January 2023).
    await page.goto('/dashboards?scope=city&period=month&start=2022-03-01');
    await page.getByText('Deze periode: 1 maart 2022 t/m 31 maart 2022.').waitFor();
    const reach = page.locator('section.bt-dash-table--reach');
    assert.match(await reach.locator('.bt-chart-empty').innerText(), /geen inwonersaantallen ingelezen/);
    assert.equal(await reach.locator('svg.bt-chart').count(), 0, 'no chart of dashes');
    assert.equal(await page.locator('.bt-tilemap').count(), 0, 'no map without populations');
    // An analyst's zeros are "<5" like any small count: the chart says they are hidden, not
    // that there are none.
    const sources = page.locator('section.bt-dash-table--referrals_by_source .bt-chart-empty');
    assert.equal(await sources.innerText(), 'Geen grafiek: alle aantallen in deze periode zijn kleiner dan 5 en daarom afgeschermd.');
    // (The GP practices are organisations with a history, not figures of the month: they show.)
    const gpCharts = await page.locator('section.bt-dash-table--gp_practices svg.bt-chart').count();
    assert.equal(await page.locator('svg.bt-chart').count() - gpCharts, 0, 'no chart draws zeros');
    await expectAccessible(page, 'dashboard with empty charts');
    await atBothWidths(page, 'dashboard-empty');
  } finally {
    await context.close();
  }
  // A manager's own team is exact: there the period simply has no figures.
  const manager = await newPage(browser, server);
  try {
    await login(manager.page, users.manager1);
    await manager.page.goto('/dashboards?period=month&start=2022-03-01');
    const sources = manager.page.locator('section.bt-dash-table--referrals_by_source .bt-chart-empty');
    assert.equal(await sources.innerText(), 'Geen grafiek: er zijn geen gegevens over deze periode.');
    const gp = await manager.page.locator('section.bt-dash-table--gp_practices svg.bt-chart').count();
    assert.equal(await manager.page.locator('svg.bt-chart').count() - gp, 0, 'no chart draws zeros');
    await expectAccessible(manager.page, 'a team dashboard without figures');
  } finally {
    await manager.context.close();
  }
});

test('the half-year report: the last complete half year, a print button, key figures on page 1', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.manager1);
    await page.goto('/reports/half-year');
    const title = (await page.locator('h1').innerText()).trim();
    assert.match(title, /^Halfjaarrapportage [12]e halfjaar \d{4}: Team /);
    assert.equal(await page.getByText('De periode loopt nog').count(), 0, 'a complete half year');
    const print = page.getByRole('button', { name: 'Afdrukken of opslaan als pdf' });
    await print.waitFor();
    await expectAccessible(page, 'half-year report with its print button');
    await atBothWidths(page, 'half-year-report');

    await page.emulateMedia({ media: 'print' });
    assert.equal(await print.isVisible(), false, 'the button is not printed');
    assert.equal(await page.locator('section.bt-dash-table--kpis').isVisible(), false, 'the tiles carry the key figures');
    const pages = await pdfPages(await page.pdf({ format: 'A4', printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    assert.ok(pages.length >= 2, `${pages.length} pages`);
    const first = pages[0];
    assert.ok(first.includes(title.split(':')[0]), `the title on page 1: ${first.slice(0, 200)}`);
    for (const text of ['Kerncijfers', 'Aanmeldingen', 'Contactmomenten', 'Bereikte huishoudens']) {
      assert.ok(first.includes(text), `${text} on page 1, not a near-empty first page: ${first}`);
    }
  } finally {
    await context.close();
  }
});

test('the outreach section: funnels per campaign and the offer rates per approach side by side', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.analyst, { expectPath: '/dashboards' });
    // The city over the last complete half year: the demo's three campaigns.
    await page.goto('/dashboards?scope=city&period=half');
    const campaigns = page.locator('section.bt-dash-table--outreach_campaigns');
    await campaigns.getByRole('heading', { level: 2, name: 'Outreach en vroegsignalering per campagne' }).waitFor();
    const rows = await campaigns.locator('tbody th').allInnerTexts();
    assert.ok(rows.includes('Hersteloperatie kinderopvangtoeslag'), rows.join(', '));
    assert.ok(rows.some((r) => r.startsWith('Vroegsignalering 3.0')), rows.join(', '));
    const approaches = page.locator('section.bt-dash-table--outreach_approaches');
    const chart = approaches.locator('svg.bt-chart[role="img"]');
    assert.equal(await chart.count(), 3, 'the offer rates per approach, a chart per campaign');
    assert.match(await approaches.locator('tbody').textContent(), /Huisbezoek[\s\S]*Telefoon en flyer/);
    await expectAccessible(page, 'the outreach section');
    for (const [width, height] of [[1366, 900], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await expectNoHorizontalScroll(page, `the outreach section at ${width} px`);
      for (const name of ['outreach_campaigns', 'outreach_approaches']) {
        const section = page.locator(`section.bt-dash-table--${name}`);
        await section.locator('details').evaluate((d) => { d.open = true; });
        await section.screenshot({ path: join(ARTIFACTS, `dashboard-${name}-${width}.png`) });
      }
    }
  } finally {
    await context.close();
  }
});
