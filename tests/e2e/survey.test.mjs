// The experience survey (issue 17): a worker invites a parent from the case file and prints the
// letter with its code and QR code; the parent answers on a 390 px phone without an account;
// a young person answers in Mijn Buurtteam; an admin saves a new version of the questionnaire.
// Every page without axe violations, at 1366 and 390 px.

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

function born(age) {
  return `${new Date().getFullYear() - age}-01-01`;
}

async function checkPage(page, name) {
  for (const [width, height] of [[1366, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await expectAccessible(page, `${name} at ${width}px`);
    await expectNoHorizontalScroll(page, `${name} at ${width}px`);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** Ticks `agree` for every statement of the form on the page. */
async function answerAll(page, agree) {
  const groups = await page.locator('fieldset.bt-survey__statement').count();
  assert.ok(groups >= 4, `statements on the page: ${groups}`);
  for (let i = 0; i < groups; i += 1) {
    await page.locator('fieldset.bt-survey__statement').nth(i).locator(`input[value="${agree}"]`).check();
  }
}

test('a worker invites a parent and prints the letter with the code', async () => {
  const staff = await browser.newContext({ baseURL: server.url });
  made.staff = staff;
  await api(staff, 'POST', '/api/v1/auth/login', { email: users.worker1, password: PASSWORD }, 200);
  const me = await api(staff, 'GET', '/api/v1/auth/me', undefined, 200);
  const districts = await api(staff, 'GET', '/api/v1/districts', undefined, 200);
  const family = uniqueName('Şahin');
  const household = await api(staff, 'POST', '/api/v1/households', {
    address: { street: 'Kanaalstraat', house_number: 11, postcode: '3512 CJ', city: 'Utrecht' },
    district_id: districts.items[0].id,
    members: [
      { given_name: 'Elif', family_name: family, birth_date: born(39), role: 'parent' },
      { given_name: 'Mert', family_name: family, birth_date: born(14), role: 'child' },
    ],
  }, 201);
  const [parent, teen] = household.members.map((m) => m.id);
  const c = await api(staff, 'POST', '/api/v1/cases', {
    household_id: household.id, team_id: me.team_ids[0], referred_on: isoDate(0), source: 'self',
    request: 'Mert wil niet meer naar school.', client_ids: [teen],
    life_domains: ['parenting'], later_intake_requested_by: null,
  }, 201);
  Object.assign(made, { caseId: c.id, parent, teen, family });

  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.worker1);
    await page.goto(`/cases/${c.id}`);
    await page.getByRole('link', { name: 'Ervaringswijzer' }).click();
    assert.equal(new URL(page.url()).pathname, `/cases/${c.id}/survey`);
    await checkPage(page, 'survey-case');
    // Only the parent and the young person of 14 can be chosen.
    const options = await page.locator('#person_id option').allInnerTexts();
    assert.deepEqual(options.slice(1).sort(), [`Elif ${family}`, `Mert ${family}`].sort());
    await page.selectOption('#person_id', String(parent));
    await page.getByLabel('Bij het einde van de hulp').check();
    await submitForm(page, 'Uitnodigen en brief maken');
    assert.match(new URL(page.url()).pathname, new RegExp(`^/cases/${c.id}/survey-invitations/\\d+/letter$`));
    made.code = (await page.locator('.bt-letter__code').innerText()).trim();
    assert.match(made.code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    assert.equal(await page.locator('.bt-letter__qr svg').count(), 1, 'a QR code on the letter');
    await checkPage(page, 'survey-letter');
    // The list says it is open, never what anyone answered.
    await page.goto(`/cases/${c.id}/survey`);
    assert.match(await page.locator('main').innerText(), /Open, code geldig tot/);
  } finally {
    await context.close();
  }
});

test('the parent answers on a phone without an account', async () => {
  assert.ok(made.code, 'the letter was made');
  const { context, page } = await newPage(browser, server, { viewport: { width: 390, height: 844 }, isMobile: true });
  try {
    await page.goto('/survey');
    await expectAccessible(page, 'survey code page');
    await screenshot(page, 'survey-code-390');
    await page.fill('#code', made.code.toLowerCase());
    await submitForm(page, 'Verder');
    assert.equal(new URL(page.url()).pathname, `/survey/${made.code.replace('-', '')}`);
    assert.equal(await page.locator('h1').innerText(), 'Ervaringswijzer');
    await expectAccessible(page, 'survey questions at 390px');
    await expectNoHorizontalScroll(page, 'survey questions at 390px');
    await screenshot(page, 'survey-questions-390');
    // Sending nothing: each statement asks for an answer, in words.
    const res = await submitForm(page, 'Verstuur mijn antwoorden');
    assert.equal(res.status(), 422);
    assert.match(await page.locator('#error-summary').innerText(), /Kies een antwoord bij: We zijn snel geholpen/);
    await expectAccessible(page, 'survey errors');
    await answerAll(page, 4);
    await page.selectOption('#report_mark', '8');
    await page.fill('#comment', `${made.family} was fijn, bel me op 0612345678.`);
    await submitForm(page, 'Verstuur mijn antwoorden');
    assert.equal(new URL(page.url()).pathname, '/survey/thanks');
    assert.equal(await page.locator('h1').innerText(), 'Bedankt!');
    await expectAccessible(page, 'survey thanks');
    await screenshot(page, 'survey-thanks-390');
    await page.goto(`/survey/${made.code}`);
    assert.equal(await page.locator('h1').innerText(), 'Al ingevuld');
    await page.goto('/survey/ACDE-FGHJ');
    assert.equal(await page.locator('h1').innerText(), 'Deze code werkt niet');
    await expectAccessible(page, 'survey expired');
  } finally {
    await context.close();
  }
  // The case file tells that it was answered, and nothing of the answer.
  const { context: c2, page: p2 } = await newPage(browser, server);
  try {
    await login(p2, users.worker1);
    await p2.goto(`/cases/${made.caseId}/survey`);
    const text = await p2.locator('main').innerText();
    assert.match(text, /Ingevuld/);
    assert.ok(!text.includes('0612345678') && !text.includes('was fijn'), 'no answer with the file');
  } finally {
    await c2.close();
  }
});

test('a young person answers in Mijn Buurtteam', async () => {
  assert.ok(made.staff, 'the case was prepared');
  const code = (await api(made.staff, 'POST', `/api/v1/cases/${made.caseId}/portal-invitations`, { person_id: made.teen }, 201)).code;
  const email = `mert.${made.family.toLowerCase().replace(/[^a-z0-9]/g, '')}@voorbeeld.nl`;
  const anon = await browser.newContext({ baseURL: server.url });
  await api(anon, 'POST', '/api/v1/portal/activate', { code, email, password: PORTAL_PASSWORD }, 201);
  await anon.close();
  await api(made.staff, 'POST', `/api/v1/cases/${made.caseId}/survey-invitations`, { person_id: made.teen, moment: 'closure' }, 201);

  const { context, page } = await newPage(browser, server);
  try {
    await login(page, email, { expectPath: '/portal', password: PORTAL_PASSWORD });
    await page.getByRole('link', { name: 'Ervaringswijzer' }).click();
    assert.equal(new URL(page.url()).pathname, '/portal/survey');
    await checkPage(page, 'survey-portal');
    await page.getByRole('link', { name: /Vul de Ervaringswijzer in/ }).click();
    await checkPage(page, 'survey-portal-questions');
    await answerAll(page, 5);
    await submitForm(page, 'Verstuur mijn antwoorden');
    assert.equal(new URL(page.url()).pathname, '/portal/survey');
    const text = await page.locator('main').innerText();
    assert.match(text, /Je antwoorden zijn verstuurd/);
    assert.match(text, /Er staat nu geen Ervaringswijzer voor je klaar/);
  } finally {
    await context.close();
  }
});

test('an admin saves a new version of the questionnaire', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.admin, { expectPath: '/admin' });
    await page.getByRole('link', { name: 'Ervaringswijzer' }).click();
    assert.equal(new URL(page.url()).pathname, '/admin/survey');
    await checkPage(page, 'survey-admin');
    const before = await page.locator('#versions ~ .bt-table-wrap tbody tr').count();
    await page.fill('#key-4', 'listened');
    await page.fill('#text-nl-4', 'Er werd goed naar ons geluisterd.');
    await page.fill('#text-en-4', 'They listened to us well.');
    await submitForm(page, 'Opslaan als nieuwe versie');
    assert.match(await page.locator('#done').innerText(), /De vragenlijst is opgeslagen/);
    const after = await page.locator('#versions ~ .bt-table-wrap tbody tr').count();
    assert.equal(after, before + 1, 'one version more');
    assert.equal(await page.inputValue('#key-4'), 'listened');
  } finally {
    await context.close();
  }
});
