// Inzage: a young person downloads her own data from Mijn Buurtteam as PDF and JSON (only
// what she may see: no working notes, not her mother's confidential goal); the family worker
// produces the same for a written request from the case file; the privacy officer sees that a
// copy was made, never what is in it. Every page without axe violations, at 1366 and 390 px.

import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  ARTIFACTS,
  PASSWORD,
  expectAccessible,
  expectFieldError,
  expectNoHorizontalScroll,
  isoDate,
  login,
  newPage,
  screenshot,
  setUp,
  submitForm,
  submitLogin,
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

function born(age) {
  return `${new Date().getFullYear() - age}-01-01`;
}

async function api(context, method, url, data, expected) {
  const res = await context.request.fetch(url, { method, data });
  const text = await res.text();
  assert.equal(res.status(), expected, `${method} ${url}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Both widths, with axe and no sideways scrolling at each. */
async function checkPage(page, name) {
  for (const [width, height] of [[1366, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await expectAccessible(page, `${name} at ${width}px`);
    await expectNoHorizontalScroll(page, `${name} at ${width}px`);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** Clicks `locator` and returns the downloaded file's bytes and suggested name. */
async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

test('the family worker prepares a case with goals a young person may and may not see', async () => {
  const staff = await browser.newContext({ baseURL: server.url });
  made.staff = staff;
  await api(staff, 'POST', '/api/v1/auth/login', { email: users.worker1, password: PASSWORD }, 200);
  const me = await api(staff, 'GET', '/api/v1/auth/me', undefined, 200);
  const districts = await api(staff, 'GET', '/api/v1/districts', undefined, 200);
  const family = uniqueName('Öztürk');
  const household = await api(staff, 'POST', '/api/v1/households', {
    address: { street: 'Kanaalstraat', house_number: 9, postcode: '3512 CJ', city: 'Utrecht' },
    district_id: districts.items[0].id,
    members: [
      { given_name: 'Ayşe', family_name: family, birth_date: born(41), role: 'parent' },
      { given_name: 'Zoë', family_name: family, birth_date: born(14), role: 'child' },
      { given_name: 'Emre', family_name: family, birth_date: born(8), role: 'child' },
    ],
  }, 201);
  const [parent, teen, child] = household.members.map((m) => m.id);
  made.family = family;
  const today = isoDate(0);
  const c = await api(staff, 'POST', '/api/v1/cases', {
    household_id: household.id, team_id: me.team_ids[0], referred_on: today, source: 'self',
    request: 'Zoë gaat niet meer graag naar school.', client_ids: [parent, teen, child],
    life_domains: ['parenting'], later_intake_requested_by: null,
  }, 201);
  made.caseId = c.id;
  const goal = async (title, client, confidential = false) => {
    const body = { life_domain: 'parenting', title, description: 'In eigen woorden.', client_id: client, confidential };
    if (confidential) body.confidential_reason = 'Veiligheid';
    await api(staff, 'POST', `/api/v1/cases/${c.id}/goals`, body, 201);
  };
  await goal('Zoë fietst zelf naar school', teen);
  await goal('Ayşe vindt werk', parent, true);
  await goal('Rust in huis', null);
  made.note = 'Werkaantekening: zorgen over de oom';
  await api(staff, 'POST', `/api/v1/cases/${c.id}/working-notes`, { body: made.note }, 201);
  const code = (await api(staff, 'POST', `/api/v1/cases/${c.id}/portal-invitations`, { person_id: teen }, 201)).code;
  made.teenEmail = `zoe.${family.toLowerCase().replace(/[^a-z0-9]/g, '')}@voorbeeld.nl`;
  const anon = await browser.newContext({ baseURL: server.url });
  await api(anon, 'POST', '/api/v1/portal/activate', { code, email: made.teenEmail, password: PORTAL_PASSWORD }, 201);
  await anon.close();
  made.teenName = `Zoë ${family}`;
});

test('a young person downloads her own data as PDF and JSON from Mijn Buurtteam', async () => {
  assert.ok(made.teenEmail, 'the case was prepared');
  const { context, page } = await newPage(browser, server);
  try {
    await login(page, made.teenEmail, { expectPath: '/portal', password: PORTAL_PASSWORD });
    await page.getByRole('link', { name: 'Mijn gegevens downloaden' }).first().click();
    assert.equal(new URL(page.url()).pathname, '/portal/export');
    assert.equal(await page.locator('h1').innerText(), 'Mijn gegevens downloaden');
    await checkPage(page, 'inzage-portal');

    const pdf = await download(page, () => page.click('#download-pdf'));
    assert.match(pdf.name, /^inzage-\d{4}-\d{2}-\d{2}\.pdf$/);
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
    // Kept beside the screenshots, to look at.
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(join(ARTIFACTS, 'inzage-portal.pdf'), pdf.bytes);

    const json = await download(page, () => page.click('#download-json'));
    assert.match(json.name, /\.json$/);
    const data = JSON.parse(json.bytes.toString('utf8'));
    assert.equal(data.schema, 'buurtteam-inzage/1');
    assert.equal(data.subject.name, made.teenName);
    const titles = data.goals.map((g) => g.title).sort();
    assert.deepEqual(titles, ['Rust in huis', 'Zoë fietst zelf naar school']);
    assert.ok(!json.bytes.toString('utf8').includes('oom'), 'no working note');

    // Both downloads show in her own access log.
    await page.goto('/portal/access-log');
    const log = await page.locator('main').innerText();
    assert.match(log, /kopie van de eigen gegevens gedownload/);
  } finally {
    await context.close();
  }
});

test('the family worker produces a copy for a written request from the case file', async () => {
  assert.ok(made.caseId, 'the case was prepared');
  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.worker1);
    await page.goto(`/cases/${made.caseId}`);
    await page.getByRole('link', { name: 'Kopie voor een gezinslid (inzage)' }).click();
    assert.equal(new URL(page.url()).pathname, `/cases/${made.caseId}/inzage`);
    // The child of 8 is not offered: a parent asks for him.
    const options = await page.locator('#person_id option').allInnerTexts();
    assert.ok(options.some((o) => o.startsWith(`Zoë ${made.family}`)), options.join(', '));
    assert.ok(!options.some((o) => o.startsWith('Emre')), options.join(', '));
    await checkPage(page, 'inzage-case');

    // Nothing chosen: the errors stand beside the fields.
    const response = await submitForm(page, 'Kopie maken en downloaden');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'person_id', 'Vul dit in.');
    await expectFieldError(page, 'received_on', 'Vul dit in.');
    await expectAccessible(page, 'inzage form with errors');

    await page.selectOption('#person_id', { label: options.find((o) => o.startsWith('Zoë')) });
    await page.fill('#received_on', isoDate(-2));
    await page.check('#format-1');
    const pdf = await download(page, () => page.getByRole('button', { name: 'Kopie maken en downloaden' }).click());
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
  } finally {
    await context.close();
  }
});

test('the privacy officer sees that a copy was made, not what is in it', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    await submitLogin(page, users.privacy);
    await page.goto('/privacy');
    await page.getByRole('link', { name: 'Inzage en kopieën' }).click();
    assert.equal(new URL(page.url()).pathname, '/privacy/inzage');
    const table = await page.locator('#inzage-copies').innerText();
    assert.match(table, new RegExp(`\\b${made.caseId}\\b`));
    assert.ok(!table.includes(made.family), 'no names of the family');
    await checkPage(page, 'inzage-privacy');
  } finally {
    await context.close();
  }
});
