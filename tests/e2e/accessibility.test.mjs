// Accessibility: axe (WCAG 2.1 A and AA) on every page, no sideways scrolling on a phone and at
// 200% zoom, and the skip link as the first Tab stop.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  isoDate,
  launchBrowser,
  login,
  logout,
  newPage,
  submitForm,
  submitLogin,
  totpCode,
  users,
} from './helpers.mjs';
import { registerHousehold, registerReferral, statusBadge } from './flows.mjs';

let server;
let browser;
// Made by the first test, looked at again by the layout tests.
const made = { cases: {}, teamId: null };

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function searchFor(page, path, name) {
  await page.goto(path);
  await page.fill('#name', name);
  const response = await submitForm(page, 'Zoeken');
  assert.equal(response.status(), 200);
  await page.locator('#results-heading').waitFor();
  assert.ok((await page.locator('article.bt-card').count()) > 0, `${path}: the search for ${name} finds households`);
}

test('axe finds no WCAG 2.1 A/AA violations on any page', async () => {
  const anonymous = await newPage(browser, server);
  const worker = await newPage(browser, server);
  const manager = await newPage(browser, server);
  const twoStep = await newPage(browser, server);
  try {
    // Logged out: log-in, log-in with an error, the 404 page.
    let page = anonymous.page;
    await page.goto('/login');
    await expectAccessible(page, 'log-in');
    await submitLogin(page, users.worker(8), 'fout');
    assert.equal(await page.locator('.bt-error-summary').count(), 1);
    await expectAccessible(page, 'log-in with an error');
    let response = await page.goto('/bestaat-niet');
    assert.equal(response.status(), 404);
    await expectAccessible(page, '404 page, logged out');

    // A family worker.
    page = worker.page;
    await login(page, users.worker1);
    await expectAccessible(page, 'worklist (family worker)');
    await page.goto('/referrals/new');
    await expectAccessible(page, 'referral step 1');
    await searchFor(page, '/referrals/new', 'de');
    await expectAccessible(page, 'referral step 1 with results');
    await page.goto('/households/new');
    await expectAccessible(page, 'household form');
    await page.fill('#address-postcode', '12');
    await page.fill('#members-0-bsn', '123456789');
    await page.fill('#members-0-birth_date', isoDate(5));
    response = await submitForm(page, 'Huishouden opslaan');
    assert.equal(response.status(), 422);
    await expectAccessible(page, 'household form with errors');
    response = await submitForm(page, 'Nog een gezinslid');
    assert.equal(await page.locator('[id$="-given_name"]').count(), 3);
    await expectAccessible(page, 'household form with three rows');

    const household = await registerHousehold(page);
    await expectAccessible(page, 'referral form');
    response = await submitForm(page, 'Aanmelding opslaan');
    assert.equal(response.status(), 422);
    await expectAccessible(page, 'referral form with errors');
    await page.goto(`/referrals/new?household_id=${household.householdId}`);
    const caseId = await registerReferral(page, household);
    made.cases.referred = caseId;
    await expectAccessible(page, 'case file: referred');
    response = await submitForm(page, 'Kennismaking opslaan');
    assert.equal(await statusBadge(page).innerText(), 'Fase: Kennismaking gehouden');
    await expectAccessible(page, 'case file: intake held');
    await page.fill('#contact-minutes', '0');
    response = await submitForm(page, 'Contact opslaan');
    assert.equal(response.status(), 422);
    await expectAccessible(page, 'case file: contact with an error');
    await page.goto(`/cases/${caseId}`);
    await submitForm(page, 'Start opslaan');
    await page.fill('#contact-minutes', '30');
    await submitForm(page, 'Contact opslaan');
    assert.equal(await statusBadge(page).innerText(), 'Fase: In ondersteuning');
    await expectAccessible(page, 'case file: in support');
    made.cases.inSupport = caseId;
    // A second case to close.
    const other = await registerHousehold(page);
    const closedId = await registerReferral(page, other);
    await page.selectOption('#reason', 'external_circumstances');
    await page.selectOption('#reason_detail', 'moved');
    response = await submitForm(page, 'Dossier afsluiten');
    assert.equal(await statusBadge(page).innerText(), 'Fase: Afgesloten');
    await expectAccessible(page, 'case file: closed');
    made.cases.closed = closedId;

    await page.goto('/search');
    await expectAccessible(page, 'search');
    await searchFor(page, '/search', household.familyName);
    await expectAccessible(page, 'search with results');
    await page.goto('/account');
    await expectAccessible(page, 'account');
    response = await page.goto('/cases/99999999');
    assert.equal(response.status(), 404);
    await expectAccessible(page, '404 page, logged in');

    // In English too (the language switch sets lang on <html>).
    await page.goto('/');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await expectAccessible(page, 'worklist in English');
    await page.goto(`/cases/${made.cases.inSupport}`);
    await expectAccessible(page, 'case file in English');
    await page.getByRole('link', { name: 'Nederlands' }).click();
    await page.waitForURL((u) => u.pathname === `/cases/${made.cases.inSupport}`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');

    // A team manager: the team's worklist and a waiting list.
    page = manager.page;
    await login(page, users.manager1);
    await expectAccessible(page, 'worklist (team manager)');
    const waitingList = await page.locator('main a[href$="/waiting-list"]').first().getAttribute('href');
    made.teamId = Number(waitingList.split('/')[2]);
    await page.goto(waitingList);
    assert.ok((await page.locator('tbody tr').count()) > 0);
    await expectAccessible(page, 'waiting list');

    // An analyst and an administrator (no client records): their start page and account.
    for (const [who, start] of [[users.analyst, '/dashboards'], [users.admin, '/admin']]) {
      await manager.context.clearCookies();
      await login(page, who, { expectPath: start });
      await expectAccessible(page, `start page of ${who}`);
      await page.goto('/account');
      await expectAccessible(page, `account of ${who}`);
    }

    // The second factor: set-up, recovery codes, the code page at log-in, with an error.
    page = twoStep.page;
    await login(page, users.worker(7));
    await page.goto('/account/second-factor');
    await expectAccessible(page, 'second factor set-up');
    await page.fill('#code', 'abc');
    response = await submitForm(page, 'Tweede stap aanzetten');
    assert.equal(response.status(), 422);
    await expectAccessible(page, 'second factor set-up with an error');
    const secret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '');
    await page.fill('#code', totpCode(secret));
    response = await submitForm(page, 'Tweede stap aanzetten');
    assert.equal(response.status(), 200);
    const codes = await page.locator('#recovery-codes li').allInnerTexts();
    assert.equal(codes.length, 10);
    await expectAccessible(page, 'second factor recovery codes');
    await page.goto('/account');
    await expectAccessible(page, 'account with the second factor on');
    await logout(page);
    await expectAccessible(page, 'log-in after logging out');
    await submitLogin(page, users.worker(7));
    assert.equal(new URL(page.url()).pathname, '/login/second-factor');
    await expectAccessible(page, 'second factor at log-in');
    await page.fill('#code', '000000');
    response = await submitForm(page, 'Bevestigen');
    assert.equal(response.status(), 422);
    await expectAccessible(page, 'second factor at log-in with an error');
  } finally {
    for (const c of [anonymous, worker, manager, twoStep]) await c.context.close();
  }
});

/** The pages to check for sideways scrolling, as [label, how to get there]. */
function layoutPages() {
  return [
    ['worklist', (page) => page.goto('/')],
    ['waiting list', (page) => page.goto(`/teams/${made.teamId}/waiting-list`)],
    ['referral step 1 with results', (page) => searchFor(page, '/referrals/new', 'de')],
    ['household form with errors', async (page) => {
      await page.goto('/households/new');
      await page.fill('#members-0-bsn', '123456789');
      await submitForm(page, 'Huishouden opslaan');
    }],
    ['referral form', (page) => page.goto(`/referrals/new?household_id=1`)],
    ['case file: referred', (page) => page.goto(`/cases/${made.cases.referred}`)],
    ['case file: in support', (page) => page.goto(`/cases/${made.cases.inSupport}`)],
    ['case file: closed', (page) => page.goto(`/cases/${made.cases.closed}`)],
    ['search with results', (page) => searchFor(page, '/search', 'de')],
    ['account', (page) => page.goto('/account')],
    ['second factor set-up', (page) => page.goto('/account/second-factor')],
    ['404 page', (page) => page.goto('/cases/99999999')],
  ];
}

for (const [name, options] of [
  ['a phone, 320 px wide', { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true }],
  ['200% zoom (640 x 450 CSS px at device scale 2)', { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }],
]) {
  test(`no horizontal scrolling on ${name}`, async () => {
    assert.ok(made.teamId && made.cases.closed, 'the axe test made the cases');
    const { context, page } = await newPage(browser, server, options);
    try {
      await page.goto('/login');
      await expectNoHorizontalScroll(page, `log-in (${name})`);
      await login(page, users.manager1);
      for (const [label, go] of layoutPages()) {
        if (label === 'referral form') {
          // A household of the manager's team: the first search hit.
          await searchFor(page, '/search', 'de');
          await page.locator('main a[href^="/referrals/new?household_id="]').first().click();
          await page.waitForURL('**/referrals/new?household_id=*');
        } else if (label.startsWith('case file')) {
          // The manager may not be in the worker's team: use the worker's session for the cases.
          continue;
        } else {
          await go(page);
        }
        await expectNoHorizontalScroll(page, `${label} (${name})`);
      }
      // The cases, as the family worker who made them.
      await context.clearCookies();
      await login(page, users.worker1);
      for (const [label, go] of layoutPages().filter(([l]) => l.startsWith('case file'))) {
        await go(page);
        await expectNoHorizontalScroll(page, `${label} (${name})`);
      }
      // Tables scroll inside their wrapper, not the page.
      await page.goto('/');
      const wraps = await page.locator('.bt-table-wrap').evaluateAll((els) => els.map((e) => getComputedStyle(e).overflowX));
      for (const o of wraps) assert.equal(o, 'auto');
    } finally {
      await context.close();
    }
  });
}

test('keyboard: the skip link is the first Tab stop and moves focus to the main content', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    for (const path of ['/login', null]) {
      if (path) await page.goto(path);
      else {
        await login(page, users.worker1);
        await page.goto('/');
      }
      await page.locator('body').focus().catch(() => {});
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const r = el.getBoundingClientRect();
        return { cls: el.className, href: el.getAttribute('href'), text: el.textContent.trim(), visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 };
      });
      assert.match(focused.cls, /utrecht-skip-link/, `first Tab stop on ${page.url()}`);
      assert.equal(focused.href, '#main');
      assert.equal(focused.text, 'Direct naar de inhoud');
      assert.ok(focused.visible, 'the skip link is visible when focused');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      // The next Tab goes into the content, not back to the header.
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
      assert.ok(inMain, 'after the skip link, Tab continues inside <main>');
    }
  } finally {
    await context.close();
  }
});
