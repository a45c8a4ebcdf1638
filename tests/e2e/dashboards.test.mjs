// Steering dashboards (#6) in the browser: every dashboard page and the half-year report
// without axe violations (WCAG 2.1 A/AA), the period picker as a plain GET form, the charts
// as named images with their tables, suppression for analysts, and the exports.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, login, newPage, screenshot, users, setUp } from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

/** The options of the area picker: [value, label]. */
async function scopes(page) {
  return page.locator('#scope option').evaluateAll((os) => os.map((o) => [o.value, o.textContent.trim()]));
}

test('an analyst: city, a district, a team and the report, all accessible and suppressed', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.analyst);
    await page.locator('nav.bt-nav').getByRole('link', { name: 'Sturing', exact: true }).click();
    assert.equal(new URL(page.url()).pathname, '/dashboards');
    await page.getByRole('heading', { level: 1, name: 'Sturing: Hele stad' }).waitFor();
    await expectAccessible(page, 'dashboard of the city');
    await screenshot(page, 'dashboard-city');
    // Charts are images with a name, each with its table.
    const charts = page.locator('svg.bt-chart[role="img"]');
    assert.equal(await charts.count(), 10, 'ten charts');
    for (const svg of await charts.all()) {
      const name = await svg.evaluate((el) => document.getElementById(el.getAttribute('aria-labelledby')).textContent);
      assert.ok(name.length > 0, 'the chart has a name');
    }
    assert.equal(await page.locator('table.utrecht-table').count(), 11);
    assert.equal(await page.locator('.bt-chart__reference').count(), 1, 'the intake target line');
    assert.equal(await page.locator('.bt-tilemap .bt-tile').count(), 10, 'ten districts on the map');
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
    await expectAccessible(manager.page, 'dashboard for a team manager');
    assert.ok((await scopes(manager.page)).some(([v]) => v === 'city'), 'a manager may read the city');

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
