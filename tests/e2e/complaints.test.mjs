// Complaints (decision 0032) in the browser: a parent submits one in Mijn Buurtteam on a
// phone and sees its state with the AKJ and KJMN information; the team manager sees it on the
// worklist with the working days left, opens it and records a step. Every page checked with
// axe; screenshots at 390 px and 1366 px. The family worker prepares the case through the API.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  api,
  expectAccessible,
  expectNoHorizontalScroll,
  isoDate,
  login,
  newPage,
  PASSWORD,
  screenshot,
  setUp,
  submitForm,
  uniqueName,
  users,
} from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

const made = {};
const PORTAL_PASSWORD = 'een zin als wachtwoord';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESK = { viewport: { width: 1366, height: 900 } };

test('the family worker prepares a case and invites the parent into Mijn Buurtteam', async () => {
  const staff = await browser.newContext({ baseURL: server.url });
  try {
    await api(staff, 'POST', '/api/v1/auth/login', { email: users.worker1, password: PASSWORD }, 200);
    const me = await api(staff, 'GET', '/api/v1/auth/me', undefined, 200);
    const districts = await api(staff, 'GET', '/api/v1/districts', undefined, 200);
    const family = uniqueName('Klacht');
    const household = await api(staff, 'POST', '/api/v1/households', {
      address: { street: 'Kanaalstraat', house_number: 9, postcode: '3512 CJ', city: 'Utrecht' },
      district_id: districts.items[0].id,
      members: [
        { given_name: 'Ayşe', family_name: family, birth_date: `${new Date().getFullYear() - 38}-01-01`, role: 'parent' },
        { given_name: 'Emre', family_name: family, birth_date: `${new Date().getFullYear() - 9}-01-01`, role: 'child' },
      ],
    }, 201);
    const [parent, child] = household.members.map((m) => m.id);
    const today = isoDate(0);
    const c = await api(staff, 'POST', '/api/v1/cases', {
      household_id: household.id, team_id: me.team_ids[0], referred_on: today, source: 'self',
      request: 'Veel zorgen over Emre.', client_ids: [parent, child], life_domains: ['parenting'], later_intake_requested_by: null,
    }, 201);
    made.caseId = c.id;
    const code = (await api(staff, 'POST', `/api/v1/cases/${c.id}/portal-invitations`, { person_id: parent }, 201)).code;
    made.email = `${family.toLowerCase().replace(/[^a-z0-9]/g, '')}@voorbeeld.nl`;
    const anon = await browser.newContext({ baseURL: server.url });
    try {
      await api(anon, 'POST', '/api/v1/portal/activate', { code, email: made.email, password: PORTAL_PASSWORD }, 201);
    } finally {
      await anon.close();
    }
  } finally {
    await staff.close();
  }
});

test('a parent submits a complaint on a phone and sees its state, with the AKJ and the KJMN', async () => {
  assert.ok(made.email, 'the parent was invited');
  const { context, page } = await newPage(browser, server, PHONE);
  try {
    await login(page, made.email, { expectPath: '/portal', password: PORTAL_PASSWORD });
    await page.getByRole('link', { name: 'Niet tevreden? Een klacht indienen' }).click();
    assert.equal(new URL(page.url()).pathname, '/portal/complaints');
    const main = () => page.locator('main').innerText();
    assert.match(await main(), /AKJ/);
    assert.match(await main(), /KJMN/);
    await expectAccessible(page, 'portal complaints (empty)');

    await page.fill('#complaint-subject', 'Niemand belt terug');
    await page.check('#against-team');
    await page.fill('#complaint-wish', 'Dat ik binnen een week word teruggebeld.');
    const response = await submitForm(page, 'Klacht indienen');
    assert.equal(response.status(), 200);
    assert.match(page.url(), /done=submitted/);
    assert.match(await main(), /Je klacht is ontvangen/);
    assert.match(await main(), /Niemand belt terug/);
    assert.match(await main(), /We zijn ermee bezig/);
    assert.match(await main(), /Klacht ontvangen/);
    await expectNoHorizontalScroll(page, 'portal complaints on a phone');
    await expectAccessible(page, 'portal complaints');
    await screenshot(page, 'portal-complaints-phone');
    await page.setViewportSize({ width: 1366, height: 900 });
    await screenshot(page, 'portal-complaints');
  } finally {
    await context.close();
  }
});

test('the team manager sees the complaint on the worklist with the days left and records a step', async () => {
  const { context, page } = await newPage(browser, server, DESK);
  try {
    await login(page, users.manager1);
    const agenda = page.locator('.bt-complaints-agenda');
    assert.match(await agenda.innerText(), /Klacht: nog \d+ werkdagen: Niemand belt terug/);
    await expectAccessible(page, 'worklist with a complaint');
    await page.getByRole('navigation').getByRole('link', { name: 'Klachten' }).click();
    assert.equal(new URL(page.url()).pathname, '/complaints');
    assert.match(await page.locator('main').innerText(), /Niemand belt terug/);
    await expectAccessible(page, 'complaints list');
    await screenshot(page, 'complaints-list');
    await page.getByRole('link', { name: 'Niemand belt terug' }).first().click();
    assert.match(new URL(page.url()).pathname, /^\/complaints\/\d+$/);
    await page.selectOption('#step-step', 'team_manager_mediation');
    await page.fill('#step-on', isoDate(0));
    await page.selectOption('#step-outcome', 'resolved_informally');
    await page.fill('#step-note', 'Teruggebeld; afspraak gemaakt.');
    const response = await submitForm(page, 'Stap vastleggen');
    assert.equal(response.status(), 200);
    const text = await page.locator('main').innerText();
    assert.match(text, /Bemiddeling door de teammanager/);
    assert.match(text, /Samen opgelost/);
    assert.match(text, /Teruggebeld; afspraak gemaakt/);
    await expectAccessible(page, 'one complaint');
    await screenshot(page, 'complaint');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalScroll(page, 'one complaint on a phone');
    await screenshot(page, 'complaint-phone');
  } finally {
    await context.close();
  }
});

test('the family worker registers a complaint from the case file and is sent back to the complaints of the case', async () => {
  assert.ok(made.caseId, 'the case was made');
  const { context, page } = await newPage(browser, server, DESK);
  try {
    await login(page, users.worker1);
    await page.goto(`/cases/${made.caseId}`);
    await page.getByRole('link', { name: 'Klachten', exact: true }).last().click();
    assert.equal(new URL(page.url()).pathname, `/cases/${made.caseId}/complaints`);
    await expectAccessible(page, 'the case complaints page');
    await page.fill('#complaint-subject', 'Afspraak twee keer verzet');
    await page.check('#against-worker');
    await page.fill('#complaint-wish', 'Een vaste dag voor de gesprekken.');
    const response = await submitForm(page, 'Klacht vastleggen');
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, `/cases/${made.caseId}/complaints`);
    const text = await page.locator('main').innerText();
    assert.match(text, /De klacht is vastgelegd/);
    assert.doesNotMatch(text, /Niemand belt terug/, 'a complaint about the team is not for the worker');
    await expectAccessible(page, 'the case complaints page with a complaint');
    await screenshot(page, 'case-complaints');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalScroll(page, 'case complaints on a phone');
    await screenshot(page, 'case-complaints-phone');
  } finally {
    await context.close();
  }
});
