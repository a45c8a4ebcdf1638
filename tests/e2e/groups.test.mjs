// Group support (issue 19): a team manager sets up a group, a family worker enrols a client
// from the file linked to a goal, a facilitator of another team records attendance (seeing the
// names, not the file), and the parent sees the next session in Mijn Buurtteam. The worker
// prepares the family through the JSON API; everything else happens in the browser.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  api,
  apiAs,
  checkBothWidths,
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

function born(age) {
  return `${new Date().getFullYear() - age}-01-01`;
}

test('the worker prepares a family with a goal for the child', async () => {
  const staff = await apiAs(browser, server, users.worker1);
  const me = await api(staff, 'GET', '/api/v1/auth/me', undefined, 200);
  made.team = me.team_ids[0];
  const districts = await api(staff, 'GET', '/api/v1/districts', undefined, 200);
  made.family = uniqueName('Groep');
  const household = await api(staff, 'POST', '/api/v1/households', {
    address: { street: 'Kanaalstraat', house_number: 9, postcode: '3512 CJ', city: 'Utrecht' },
    district_id: districts.items[0].id,
    members: [
      { given_name: 'Ayşe', family_name: made.family, birth_date: born(41), role: 'parent' },
      { given_name: 'Deniz', family_name: made.family, birth_date: born(14), role: 'child' },
    ],
  }, 201);
  const [parent, child] = household.members.map((m) => m.id);
  const today = isoDate(0);
  const c = await api(staff, 'POST', '/api/v1/cases', {
    household_id: household.id, team_id: made.team, referred_on: today, source: 'school',
    request: 'Deniz is somber en gaat niet meer naar school.', client_ids: [parent, child],
    life_domains: ['mental_health'], later_intake_requested_by: null,
  }, 201);
  made.caseId = c.id;
  await api(staff, 'POST', `/api/v1/cases/${c.id}/intake`, { held_on: today, worker_id: me.id }, 200);
  await api(staff, 'POST', `/api/v1/cases/${c.id}/start`, { started_on: today }, 200);
  made.goalTitle = 'Deniz voelt zich minder somber';
  made.goal = (await api(staff, 'POST', `/api/v1/cases/${c.id}/goals`,
    { life_domain: 'mental_health', title: made.goalTitle, description: 'In eigen woorden.', client_id: child }, 201)).id;
  made.parentCode = (await api(staff, 'POST', `/api/v1/cases/${c.id}/portal-invitations`, { person_id: parent }, 201)).code;
  await staff.close();

  // A family worker of another team, to be named facilitator.
  const admin = await apiAs(browser, server, users.admin);
  const all = await api(admin, 'GET', '/api/v1/users', undefined, 200);
  const other = all.items.find((u) => u.role === 'family_worker' && !u.team_ids.includes(made.team));
  assert.ok(other, 'a worker of another team');
  made.facilitator = other;
  await admin.close();
});

test('a team manager sets up a group with two sessions', async () => {
  const { context, page } = await newPage(browser, server);
  await login(page, users.manager1);
  await page.getByRole('link', { name: 'Groepen', exact: true }).first().click();
  await page.waitForURL(/\/groups$/);
  assert.ok(await page.getByRole('link', { name: 'Collectieve aanpak' }).isVisible());
  await page.getByRole('link', { name: 'Nieuwe groep' }).click();
  await page.waitForURL(/\/groups\/new$/);
  // Nothing filled in: the errors beside the fields.
  let response = await submitForm(page, 'Groep aanmaken');
  assert.equal(response.status(), 422);
  assert.ok(await page.locator('#error-summary').isVisible());
  await checkBothWidths(page, 'groups-new-errors');

  made.groupName = uniqueName('Sterk in je hoofd');
  if (await page.locator('#team_id').count()) await page.selectOption('#team_id', String(made.team));
  await page.selectOption('#theme', 'youth_mental_health');
  await page.fill('#name', made.groupName);
  await page.fill('#target_group', 'jongeren die somber zijn');
  await page.locator('input[name="district_ids"]').first().check();
  await page.fill('#capacity', '10');
  await page.fill('#min_age', '12');
  await page.fill('#max_age', '18');
  await page.fill('#location', 'Wijkcentrum De Dreef');
  await page.getByLabel(made.facilitator.name, { exact: true }).check();
  await page.fill('#partner_facilitators', 'Jolanda de Vries (JGZ)');
  response = await submitForm(page, 'Groep aanmaken');
  assert.equal(response.status(), 200);
  assert.match(page.url(), /\/groups\/\d+\?done=group-created/);
  made.groupId = Number(new URL(page.url()).pathname.split('/').pop());

  // Sessions: one this morning (its attendance is recorded below), one next week.
  for (const at of [`${isoDate(0)}T00:05`, `${isoDate(7)}T19:00`]) {
    await page.fill('#session-starts_at', at);
    await page.fill('#session-place', 'Wijkcentrum De Dreef');
    response = await submitForm(page, 'Bijeenkomst plannen');
    assert.equal(response.status(), 200);
  }
  await page.selectOption('#status-status', 'running');
  await submitForm(page, 'Status opslaan');
  const main = await page.locator('main').innerText();
  assert.match(main, /Loopt/);
  assert.match(main, /Jolanda de Vries \(JGZ\) \(partner\)/);
  await checkBothWidths(page, 'groups-detail-manager');
  await page.goto('/groups');
  await checkBothWidths(page, 'groups-list');
  await context.close();
});

test('a family worker enrols the child from the file, linked to the goal', async () => {
  const { context, page } = await newPage(browser, server);
  await login(page, users.worker1);
  await page.goto(`/cases/${made.caseId}`);
  await page.getByRole('link', { name: 'Aanmelden voor een groep' }).click();
  await page.waitForURL(/\/groups$/);
  await checkBothWidths(page, 'groups-enrol-from-file');
  const group = await page.locator('#group_id option', { hasText: made.groupName }).getAttribute('value');
  await page.selectOption('#group_id', group);
  await page.selectOption('#person_id', { label: `Deniz ${made.family}` });
  await page.selectOption('#goal_id', { label: made.goalTitle });
  const response = await submitForm(page, 'Aanmelden');
  assert.equal(response.status(), 200);
  assert.match(page.url(), new RegExp(`/cases/${made.caseId}\\?done=group-enrolled`));
  await page.goto(`/cases/${made.caseId}/plan`);
  assert.match(await page.locator(`#goal-${made.goal}`).innerText(), new RegExp(`Neemt deel aan groep: ${made.groupName}`));
  await context.close();
});

test('a facilitator of another team records attendance and sees only the names', async () => {
  const { context, page } = await newPage(browser, server);
  await login(page, made.facilitator.email);
  await page.goto(`/groups/${made.groupId}`);
  const participant = page.locator('main h3', { hasText: `Deniz ${made.family}` });
  assert.equal(await participant.count(), 1);
  assert.equal(await participant.locator('a').count(), 0, 'no link to the file of another team');
  assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(made.goalTitle), 'no goal text');
  await checkBothWidths(page, 'groups-detail-facilitator');
  await page.getByRole('link', { name: /Aanwezigheid invullen/ }).first().click();
  await page.waitForURL(/\/group-sessions\/\d+\/attendance$/);
  await page.getByLabel(`Deniz ${made.family}`).check();
  await page.fill('#anonymous_present', '2');
  await checkBothWidths(page, 'groups-attendance');
  const response = await submitForm(page, 'Aanwezigheid opslaan');
  assert.equal(response.status(), 200);
  assert.match(await page.locator('main').innerText(), /1 deelnemers en 2 anderen/);
  // The file itself stays closed to them.
  const file = await page.goto(`/cases/${made.caseId}`);
  assert.equal(file.status(), 404);
  await context.close();
});

test('the parent sees the next session in Mijn Buurtteam', async () => {
  const anon = await browser.newContext({ baseURL: server.url });
  const email = `ayse.${made.family.toLowerCase()}@voorbeeld.nl`;
  await api(anon, 'POST', '/api/v1/portal/activate', { code: made.parentCode, email, password: PORTAL_PASSWORD }, 201);
  await anon.close();
  const { context, page } = await newPage(browser, server, PHONE);
  await login(page, email, { expectPath: '/portal', password: PORTAL_PASSWORD });
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Groepen' }) });
  const text = await section.innerText();
  assert.match(text, new RegExp(made.groupName));
  assert.match(text, new RegExp(`Voor Deniz ${made.family}`));
  assert.match(text, /Volgende bijeenkomst: .*19:00, Wijkcentrum De Dreef/);
  await expectAccessible(page, 'portal with a group');
  await expectNoHorizontalScroll(page, 'portal with a group');
  await screenshot(page, 'groups-portal-390');
  await page.setViewportSize({ width: 1366, height: 900 });
  await screenshot(page, 'groups-portal-1366');
  await context.close();
});
