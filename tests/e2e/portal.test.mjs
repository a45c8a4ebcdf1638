// Mijn Buurtteam, the family portal: a parent activates an account with a one-time code and
// works in the plan; a network member (belangrijke ander) is invited onto one goal, sees only
// that goal, and loses it the moment the parent revokes the invitation; the access log reads
// as plain Dutch. The family worker prepares the case through the JSON API.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  PASSWORD,
  expectAccessible,
  expectFieldError,
  expectNoHorizontalScroll,
  isoDate,
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

/** What the tests share: the case the worker made and the portal accounts. */
const made = {};

const PHONE = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true };
const PORTAL_PASSWORD = 'een zin als wachtwoord';

/** Someone who turned `age` on 1 January of this year. */
function born(age) {
  return `${new Date().getFullYear() - age}-01-01`;
}

/** A JSON API call with the worker's session; asserts the status and returns the body. */
async function api(method, url, data, expected) {
  const res = await made.staff.request.fetch(url, { method, data });
  const text = await res.text();
  assert.equal(res.status(), expected, `${method} ${url}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** The card of a goal on the portal page. */
function card(page, goalId) {
  return page.locator(`#goal-${goalId}`);
}

async function mainText(page) {
  return page.locator('main').innerText();
}

/** The page's URL never holds a code, an e-mail address or a password. */
function assertCleanUrl(page) {
  const url = decodeURIComponent(page.url());
  assert.ok(!/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/.test(url), `no code in ${url}`);
  assert.ok(!url.includes('@') && !url.includes(PORTAL_PASSWORD), `no address or password in ${url}`);
}

test('the family worker prepares a plan with goals the parent may and may not see', async () => {
  made.staff = await browser.newContext({ baseURL: server.url });
  await api('POST', '/api/v1/auth/login', { email: users.worker1, password: PASSWORD }, 200);
  const me = await api('GET', '/api/v1/auth/me', undefined, 200);
  made.workerName = me.name;
  const districts = await api('GET', '/api/v1/districts', undefined, 200);
  const family = uniqueName('Portaal');
  made.family = family;
  const household = await api('POST', '/api/v1/households', {
    address: { street: 'Kanaalstraat', house_number: 7, postcode: '3512 CJ', city: 'Utrecht' },
    district_id: districts.items[0].id,
    members: [
      { given_name: 'Annelies', family_name: family, birth_date: born(40), role: 'parent' },
      { given_name: 'Bram', family_name: family, birth_date: born(8), role: 'child' },
      { given_name: 'Sanne', family_name: family, birth_date: born(17), role: 'child' },
    ],
  }, 201);
  const [parent, child, sibling] = household.members.map((m) => m.id);
  made.parentId = parent;
  made.siblingId = sibling;
  const today = isoDate(0);
  const c = await api('POST', '/api/v1/cases', {
    household_id: household.id, team_id: me.team_ids[0], referred_on: today, source: 'self',
    request: 'Veel ruzie thuis en Bram slaapt slecht.', client_ids: [parent, child, sibling],
    life_domains: ['parenting'], later_intake_requested_by: null,
  }, 201);
  made.caseId = c.id;
  await api('POST', `/api/v1/cases/${c.id}/intake`, { held_on: today, worker_id: me.id }, 200);
  await api('POST', `/api/v1/cases/${c.id}/start`, { started_on: today }, 200);

  const goal = async (title, client, confidential = false) => {
    const body = { life_domain: 'parenting', title, description: `Zo willen we het: ${title.toLowerCase()}.`, client_id: client, confidential };
    if (confidential) body.confidential_reason = 'Veiligheid van het kind';
    return (await api('POST', `/api/v1/cases/${c.id}/goals`, body, 201)).id;
  };
  made.goals = {
    household: await goal('Rust in huis', null),
    child: await goal('Bram slaapt op tijd', child),
    sibling: await goal('Sanne zoekt een bijbaan', sibling),
    confidential: await goal('Bram praat over thuis', child, true),
  };
  made.titles = { household: 'Rust in huis', child: 'Bram slaapt op tijd', sibling: 'Sanne zoekt een bijbaan', confidential: 'Bram praat over thuis' };
  made.ownAction = 'Elke avond om acht uur gaat de tv uit';
  await api('POST', `/api/v1/goals/${made.goals.household}/actions`,
    { description: made.ownAction, performer: 'family_member', person_id: parent, due_on: isoDate(14) }, 201);
  await api('POST', `/api/v1/goals/${made.goals.household}/actions`,
    { description: 'Gesprek met school plannen', performer: 'family_worker', due_on: isoDate(7) }, 201);
  made.note = 'Werkaantekening: vermoeden van spanningen tussen de ouders';
  await api('POST', `/api/v1/cases/${c.id}/working-notes`, { body: made.note }, 201);
  await api('POST', `/api/v1/cases/${c.id}/appointments`,
    { starts_at: `${isoDate(10)}T10:30`, place: 'Bij jullie thuis', description: 'Huisbezoek met de gezinswerker' }, 201);
  await api('POST', `/api/v1/cases/${c.id}/evaluations`, {
    held_on: today, went_well: 'De avonden zijn rustiger.', changes: 'Bram gaat eerder naar bed.', next_on: isoDate(42),
    scores: [{ goal_id: made.goals.household, score: 3 }],
  }, 201);
  // The team's phone number and e-mail address, set by an admin, are shown to the family.
  made.teamPhone = '030 123 45 67';
  made.teamEmail = `team.${family.toLowerCase()}@voorbeeld.nl`;
  const admin = await browser.newContext({ baseURL: server.url });
  try {
    const login = await admin.request.post('/api/v1/auth/login', { data: { email: users.admin, password: PASSWORD } });
    assert.equal(login.status(), 200);
    const patched = await admin.request.fetch(`/api/v1/teams/${me.team_ids[0]}`, { method: 'PATCH', data: { phone: made.teamPhone, email: made.teamEmail } });
    assert.equal(patched.status(), 200, await patched.text());
  } finally {
    await admin.close();
  }
  made.parentCode = (await api('POST', `/api/v1/cases/${c.id}/portal-invitations`, { person_id: parent }, 201)).code;
  assert.match(made.parentCode, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
});

test('bad input on the activation form shows errors beside the fields, input kept', async () => {
  assert.ok(made.parentCode, 'the plan was prepared');
  const { context, page } = await newPage(browser, server);
  try {
    await page.goto('/portal/activate');
    assert.equal(await page.locator('h1').innerText(), 'Account maken voor Mijn Buurtteam');
    await expectAccessible(page, 'activation form');

    // Nothing filled in.
    let response = await submitForm(page, 'Account maken');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'code', 'Vul dit in.');
    await expectFieldError(page, 'email', 'Vul dit in.');

    // A code that does not exist.
    const email = `${made.family.toLowerCase()}@voorbeeld.nl`;
    made.parentEmail = email;
    await page.fill('#code', 'ABCD-EFGH-JKLM');
    await page.fill('#email', email);
    await page.fill('#password', PORTAL_PASSWORD);
    await page.fill('#repeat_password', PORTAL_PASSWORD);
    response = await submitForm(page, 'Account maken');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'code', /Deze code werkt niet/);
    assert.equal(await page.inputValue('#email'), email, 'the e-mail address is kept');
    assert.equal(await page.inputValue('#password'), '', 'a password is never sent back');
    await expectAccessible(page, 'activation form with a wrong code');

    // The right code, a password that is too short.
    await page.fill('#code', made.parentCode);
    await page.fill('#password', 'kort');
    await page.fill('#repeat_password', 'kort');
    response = await submitForm(page, 'Account maken');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'password', 'Kies een wachtwoord van minstens 10 tekens.');
    assert.equal(await page.inputValue('#code'), made.parentCode, 'the code is kept');

    // Two different passwords.
    await page.fill('#password', PORTAL_PASSWORD);
    await page.fill('#repeat_password', 'een andere zin als wachtwoord');
    response = await submitForm(page, 'Account maken');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'repeat_password');
    assertCleanUrl(page);
    await expectAccessible(page, 'activation form with a password error');
  } finally {
    await context.close();
  }
});

test('a parent activates, logs in, and works in the plan as the rules allow', async () => {
  assert.ok(made.parentEmail, 'the activation form was tried');
  const { context, page } = await newPage(browser, server);
  made.parent = { context, page };
  const g = made.goals;

  // Activation logs the parent in and lands in Mijn Buurtteam.
  await page.goto('/portal/activate');
  await page.fill('#code', made.parentCode.toLowerCase().replaceAll('-', ' '));
  await page.fill('#email', made.parentEmail);
  await page.fill('#password', PORTAL_PASSWORD);
  await page.fill('#repeat_password', PORTAL_PASSWORD);
  let response = await submitForm(page, 'Account maken');
  assert.equal(response.status(), 200);
  assert.equal(new URL(page.url()).pathname, '/portal');
  assertCleanUrl(page);

  // Logging out and in again: the log-in page sends a portal account to /portal.
  await Promise.all([page.waitForURL(/\/login\?reason=logged-out/), page.getByRole('button', { name: 'Uitloggen' }).click()]);
  // The log-in page speaks to a family: "je", and their worker rather than an administrator.
  const loginText = await mainText(page);
  assert.match(loginText, /Je bent uitgelogd\./);
  assert.match(loginText, /Vraag je gezinswerker om hulp\./);
  assert.ok(!/beheerder|\b[Uu]w?\b/.test(loginText), `no "u" or administrator for a family: ${loginText}`);
  await submitLogin(page, made.parentEmail, PORTAL_PASSWORD);
  assert.equal(new URL(page.url()).pathname, '/portal', 'a portal account lands on /portal');
  // Staff pages are not for a portal account.
  await page.goto('/');
  assert.equal(new URL(page.url()).pathname, '/portal');
  await page.goto('/portal');

  // What the parent sees: the household goal and the young child's goal; not the unshared goal
  // of the 17-year-old, not the confidential goal, never a working note.
  assert.equal(await page.locator('h1').innerText(), 'Mijn Buurtteam');
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await assert.doesNotReject(nav.getByRole('link', { name: 'Mijn plan' }).waitFor());
  await assert.doesNotReject(nav.getByRole('link', { name: 'Wie keek in mijn dossier' }).waitFor());
  assert.equal(await nav.getByRole('link', { name: 'Werklijst' }).count(), 0, 'no staff navigation');
  assert.equal(await card(page, g.household).locator('h3').innerText(), made.titles.household);
  assert.equal(await card(page, g.child).locator('h3').innerText(), made.titles.child);
  assert.match(await card(page, g.child).innerText(), /Doel van Bram/);
  assert.match(await card(page, g.household).innerText(), /Doel van het hele gezin/);
  assert.equal(await card(page, g.sibling).count(), 0, "the 17-year-old's unshared goal is not shown");
  assert.equal(await card(page, g.confidential).count(), 0, 'the confidential goal is not shown');
  const text = await page.content();
  for (const hidden of [made.titles.sibling, made.titles.confidential, made.note, 'Veiligheid van het kind', 'spanningen']) {
    assert.ok(!text.includes(hidden), `the page does not contain "${hidden}"`);
  }
  // Appointments and the household.
  assert.match(await page.locator('section', { has: page.locator('#appointments-heading') }).innerText(), /Huisbezoek met de gezinswerker[\s\S]*Waar: Bij jullie thuis/);
  assert.match(await page.locator('section', { has: page.locator('#household-heading') }).innerText(), /Annelies .* \(Ouder\)/);
  // The evaluation, and the self-sufficiency score on its goal.
  const evaluations = await page.locator('section', { has: page.locator('#evaluations-heading') }).innerText();
  assert.match(evaluations, /Het volgende gesprek is rond \d{1,2} \w+ \d{4}\./);
  assert.match(evaluations, /Wat ging goed: De avonden zijn rustiger\.[\s\S]*Wat gaat er anders: Bram gaat eerder naar bed\./);
  assert.match(await card(page, g.household).innerText(), /Hoe het nu gaat: 3 van de 5/);
  // Only the parent's own action has a "Gedaan" button; the worker's has none.
  const household = card(page, g.household);
  assert.equal(await household.getByRole('button', { name: /^Gedaan/ }).count(), 1);
  assert.match(await household.innerText(), /Gesprek met school plannen\s*Wie: je gezinswerker · Uiterlijk \d{1,2} \w+ \d{4}/);
  assert.ok(!(await household.innerText()).includes('Klaar op'), 'a due date reads "Uiterlijk"');
  // Who the worker is and how to reach the team.
  const contact = page.locator('section', { has: page.locator('#contact-heading') });
  assert.match(await contact.innerText(), new RegExp(`Je gezinswerker is ${made.workerName}, van .+\\.`));
  assert.equal(await contact.getByRole('link', { name: made.teamPhone }).getAttribute('href'), 'tel:0301234567');
  assert.equal(await contact.getByRole('link', { name: made.teamEmail }).getAttribute('href'), `mailto:${made.teamEmail}`);
  // No markers before a first agreement.
  assert.equal(await page.locator('.bt-portal-since').count(), 0);
  await expectAccessible(page, 'portal plan');
  await screenshot(page, 'portal-plan');

  // Commenting: an empty comment is an error beside the field; then a real one.
  response = await submitForm(page, household.getByRole('button', { name: 'Reactie plaatsen' }));
  assert.equal(response.status(), 422);
  await expectFieldError(page, `g${g.household}-comment-body`, 'Vul dit in.');
  await expectAccessible(page, 'portal plan with a comment error');
  await card(page, g.household).getByLabel('Jouw reactie').fill('Het lukt al beter, maar in het weekend is het lastig.');
  response = await submitForm(page, card(page, g.household).getByRole('button', { name: 'Reactie plaatsen' }));
  assert.equal(response.status(), 200);
  assert.equal(new URL(page.url()).searchParams.get('done'), 'commented');
  await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'Je reactie is geplaatst.' }).waitFor());
  assert.match(await card(page, g.household).innerText(), /Jij, .*\n+Het lukt al beter, maar in het weekend is het lastig\./);

  // Proposing a change to the child's goal: the worker decides.
  const child = card(page, g.child);
  await child.locator('summary', { hasText: 'Wijziging voorstellen' }).click();
  assert.match(await child.innerText(), /Je gezinswerker bekijkt het en beslist/);
  response = await submitForm(page, child.getByRole('button', { name: 'Voorstel versturen' }));
  assert.equal(response.status(), 422);
  await expectFieldError(page, `g${g.child}-proposal-title`, 'Vul dit in.');
  await card(page, g.child).getByLabel('Hoe wil je het doel noemen?').fill('Bram ligt om half acht in bed');
  await card(page, g.child).getByLabel('Uitleg (mag leeg blijven)').fill('Dan is hij uitgerust voor school.');
  response = await submitForm(page, card(page, g.child).getByRole('button', { name: 'Voorstel versturen' }));
  assert.equal(response.status(), 200);
  await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'Je voorstel is verstuurd.' }).waitFor());
  assert.match(await card(page, g.child).innerText(), /Jouw voorstellen[\s\S]*Bram ligt om half acht in bed[\s\S]*Je gezinswerker kijkt ernaar/);
  assert.equal(await card(page, g.child).locator('h3').innerText(), made.titles.child, 'the goal itself is unchanged until the worker decides');

  // Marking the own action done.
  response = await submitForm(page, card(page, g.household).getByRole('button', { name: `Gedaan: ${made.ownAction}` }));
  assert.equal(response.status(), 200);
  await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'Goed gedaan!' }).waitFor());
  assert.match(await card(page, g.household).innerText(), new RegExp(`${made.ownAction}[\\s\\S]*Gedaan op \\d{1,2} \\w+ \\d{4}`));
  await assert.doesNotReject(card(page, g.household).getByRole('button', { name: `Toch nog niet gedaan: ${made.ownAction}` }).waitFor());

  // Agreeing to the current version.
  const agree = page.getByRole('button', { name: /^Ik ga akkoord met dit plan \(versie \d+\)$/ });
  const version = Number((await agree.innerText()).match(/versie (\d+)/)[1]);
  response = await submitForm(page, agree);
  assert.equal(response.status(), 200);
  assert.match(await page.locator('#agreement').innerText(), new RegExp(`Je bent akkoord gegaan met dit plan \\(versie ${version}\\)`));

  // The worker takes the proposal over: the goal changes, and the plan has a new version.
  const staffPlan = await api('GET', `/api/v1/cases/${made.caseId}/plan`, undefined, 200);
  const proposal = staffPlan.goals.find((x) => x.id === g.child).proposals[0];
  await api('POST', `/api/v1/proposals/${proposal.id}/decision`, { accept: true }, 200);
  await page.goto('/portal');
  assert.equal(await card(page, g.child).locator('h3').innerText(), 'Bram ligt om half acht in bed');
  assert.match(await card(page, g.child).innerText(), /Overgenomen/);
  assert.match(await page.locator('#agreement').innerText(), new RegExp(`Je ging akkoord met versie ${version}\\. Daarna is het plan veranderd\\.`));
  // What changed since the agreement: the new words of Bram's goal, old and new.
  const marker = card(page, g.child).locator('.bt-portal-since');
  assert.match(await marker.innerText(), /^Gewijzigd sinds je akkoord op \d{1,2} \w+ \d{4}/);
  assert.match(await marker.innerText(), /Nieuwe naam: eerst ‘Bram slaapt op tijd’, nu ‘Bram ligt om half acht in bed’\./);
  assert.equal(await card(page, g.household).locator('.bt-portal-since').count(), 0, 'a ticked-off action is no change of the goal');
  // A goal added since is new.
  made.goals.added = (await api('POST', `/api/v1/cases/${made.caseId}/goals`,
    { life_domain: 'work_education', title: 'Twee dagen per week werken', description: 'Een baan dicht bij huis.', client_id: made.parentId, confidential: false }, 201)).id;
  await page.goto('/portal');
  assert.equal(await card(page, made.goals.added).locator('.bt-portal-since').innerText(), 'Nieuw');
  await expectAccessible(page, 'portal plan after changes');
});

test('a parent invites a network member, who sees only that goal until it is revoked', async () => {
  assert.ok(made.parent, 'the parent is logged in');
  const { page } = made.parent;
  const g = made.goals;
  await page.goto('/portal');
  const household = () => card(page, g.household);
  await household().locator('summary', { hasText: 'Iemand uitnodigen' }).click();

  // Bad input first: errors beside the fields, the rest kept.
  await household().getByLabel('Naam').fill('Joke Jansen');
  await household().getByLabel('Wie is het voor jullie?').fill('oma');
  await household().getByLabel('E-mailadres').fill('joke@');
  let response = await submitForm(page, household().getByRole('button', { name: 'Uitnodigen' }));
  assert.equal(response.status(), 422);
  await expectFieldError(page, `g${g.household}-network-email`, 'Vul een e-mailadres in als naam@voorbeeld.nl.');
  assert.equal(await household().getByLabel('Naam').inputValue(), 'Joke Jansen');

  // The code is shown once, on the page, never in the address bar.
  const email = `oma.${made.family.toLowerCase()}@voorbeeld.nl`;
  await household().getByLabel('E-mailadres').fill(email);
  response = await submitForm(page, household().getByRole('button', { name: 'Uitnodigen' }));
  assert.equal(response.status(), 200);
  const notice = household().getByRole('status');
  assert.match(await notice.innerText(), /Code voor Joke Jansen/);
  const code = (await notice.locator('.bt-portal-code__value').innerText()).trim();
  assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  assert.match(await notice.innerText(), /\/portal\/activate/);
  assertCleanUrl(page);
  assert.match(await household().innerText(), /Joke Jansen \(oma\) · uitgenodigd, heeft de code nog niet gebruikt/);
  await expectAccessible(page, 'portal plan with a one-time code');
  await page.goto('/portal');
  assert.equal(await page.locator('.bt-portal-code__value').count(), 0, 'the code is shown only once');

  // The worker gives the network member an action on the goal.
  const staffPlan = await api('GET', `/api/v1/cases/${made.caseId}/plan`, undefined, 200);
  const invitation = staffPlan.goals.find((x) => x.id === g.household).network[0];
  const networkAction = 'Op woensdag met Bram naar de sportclub';
  await api('POST', `/api/v1/goals/${g.household}/actions`,
    { description: networkAction, performer: 'network_member', network_invitation_id: invitation.id }, 201);

  // The network member activates in a browser of their own, without JavaScript.
  const other = await newPage(browser, server, { javaScriptEnabled: false });
  try {
    const np = other.page;
    await np.goto('/portal/activate');
    await np.fill('#code', code);
    await np.fill('#email', email);
    await np.fill('#password', PORTAL_PASSWORD);
    await np.fill('#repeat_password', PORTAL_PASSWORD);
    await Promise.all([np.waitForURL('**/portal'), np.getByRole('button', { name: 'Account maken' }).click()]);
    assert.equal(await card(np, g.household).locator('h3').innerText(), made.titles.household);
    assert.equal(await np.locator('.bt-portal-goal').count(), 1, 'only the goal they were invited onto');
    const seen = await mainText(np);
    for (const hidden of ['Bram ligt om half acht in bed', made.titles.sibling, made.titles.confidential, 'Jullie gezin', 'Afspraken', 'Akkoord', 'Gesprekken over hoe het gaat', 'Sanne']) {
      assert.ok(!seen.includes(hidden), `the network member does not see "${hidden}"`);
    }
    assert.ok(!(await np.content()).includes(made.note), 'no working note');
    assert.equal(await np.getByRole('link', { name: 'Wie keek in mijn dossier' }).count(), 0);
    // Their own action can be marked done; the parent's cannot.
    assert.equal(await card(np, g.household).getByRole('button', { name: /^Gedaan/ }).count(), 1);
    await Promise.all([np.waitForURL('**/portal?done=action-done*'), card(np, g.household).getByRole('button', { name: `Gedaan: ${networkAction}` }).click()]);
    assert.match(await card(np, g.household).innerText(), new RegExp(`${networkAction}[\\s\\S]*Gedaan op`));
    await card(np, g.household).getByLabel('Jouw reactie').fill('Bram vond het leuk bij de sportclub.');
    await Promise.all([np.waitForURL('**/portal?done=commented*'), card(np, g.household).getByRole('button', { name: 'Reactie plaatsen' }).click()]);
    assert.match(await card(np, g.household).innerText(), /Bram vond het leuk bij de sportclub\./);

    // The parent sees the network member taking part, and revokes.
    await page.goto('/portal');
    assert.match(await household().innerText(), /Joke Jansen \(oma\) · doet mee/);
    assert.match(await household().innerText(), /Joke Jansen \(belangrijke ander\), .*\n+Bram vond het leuk/);
    response = await submitForm(page, household().getByRole('button', { name: 'Intrekken: Joke Jansen' }));
    assert.equal(response.status(), 200);
    await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'De uitnodiging is ingetrokken.' }).waitFor());
    assert.match(await household().innerText(), /Joke Jansen \(oma\) · ingetrokken, ziet het doel niet meer/);

    // At once: the network member's next page load no longer shows the goal.
    await np.goto('/portal');
    assert.equal(await np.locator('.bt-portal-goal').count(), 0);
    assert.ok(!(await mainText(np)).includes(made.titles.household));
    assert.match(await mainText(np), /Je kunt nu geen doel meer zien\./);
    const res = await np.goto('/portal/access-log');
    assert.equal(res.status(), 403, 'the access log is for household members');
  } finally {
    await other.context.close();
  }
});

test('a 17-year-old shares her own goal with the family, and the parent then sees it', async () => {
  assert.ok(made.parent, 'the parent is logged in');
  const g = made.goals;
  const code = (await api('POST', `/api/v1/cases/${made.caseId}/portal-invitations`, { person_id: made.siblingId }, 201)).code;
  const { context, page } = await newPage(browser, server);
  try {
    await page.goto('/portal/activate');
    await page.fill('#code', code);
    await page.fill('#email', `sanne.${made.family.toLowerCase()}@voorbeeld.nl`);
    await page.fill('#password', PORTAL_PASSWORD);
    await page.fill('#repeat_password', PORTAL_PASSWORD);
    await submitForm(page, 'Account maken');
    assert.equal(new URL(page.url()).pathname, '/portal');
    const own = card(page, g.sibling);
    assert.match(await own.innerText(), /Jouw doel[\s\S]*Dit doel is van jou\. Je gezin ziet het niet/);
    // Her parent's goal for her little brother is not hers to see.
    assert.equal(await card(page, g.child).count(), 0);
    await submitForm(page, own.getByRole('button', { name: 'Delen met mijn gezin' }));
    await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'Je gezin kan dit doel nu zien.' }).waitFor());
    assert.match(await card(page, g.sibling).innerText(), /Je hebt dit doel gedeeld\./);
    await assert.doesNotReject(card(page, g.sibling).getByRole('button', { name: 'Niet meer delen' }).waitFor());
    await expectAccessible(page, 'portal plan of a 17-year-old');

    const parent = made.parent.page;
    await parent.goto('/portal');
    assert.equal(await card(parent, g.sibling).locator('h3').innerText(), made.titles.sibling, 'shared: the parent sees it');
    assert.match(await card(parent, g.sibling).innerText(), /Doel van Sanne/);
    assert.equal(await card(parent, g.sibling).getByRole('button', { name: /delen/i }).count(), 0, 'only Sanne shares or unshares');

    await submitForm(page, card(page, g.sibling).getByRole('button', { name: 'Niet meer delen' }));
    await parent.goto('/portal');
    assert.equal(await card(parent, g.sibling).count(), 0, 'unshared: gone again');
  } finally {
    await context.close();
  }
});

test('the access log tells the parent in plain Dutch who looked at the file', async () => {
  assert.ok(made.parent, 'the parent is logged in');
  const { page } = made.parent;
  // The worker reads the plan and the file.
  await api('GET', `/api/v1/cases/${made.caseId}/plan`, undefined, 200);
  await api('GET', `/api/v1/cases/${made.caseId}/working-notes`, undefined, 200);
  await page.goto('/portal/access-log');
  assert.equal(await page.locator('h1').innerText(), 'Wie keek in mijn dossier');
  const entries = await page.locator('.bt-portal-log li').allInnerTexts();
  const worker = `${made.workerName} (gezinswerker)`;
  assert.match(entries[0], /^\d{1,2} \w+ \d{4}( om \d{2}:\d{2})?\s/, 'newest first, with the date (and the time of a single row)');
  // The worker read the plan several times today: one line with how often.
  const reads = entries.filter((e) => e.includes(`${worker} heeft het gezinsplan bekeken`));
  assert.equal(reads.length, 1, `the worker's reads of today are one line: ${reads.join(' | ')}`);
  assert.match(reads[0], /^\d{1,2} \w+ \d{4}\s.* heeft het gezinsplan bekeken — \d+ keer\.$/);
  // The network member saw one goal, and the log says which; never "the plan".
  assert.ok(entries.some((e) => e.includes(`Joke Jansen (belangrijke ander) heeft het doel ‘${made.titles.household}’ bekeken`)), entries.join(' | '));
  assert.ok(!entries.some((e) => e.includes('Joke Jansen (belangrijke ander) heeft het gezinsplan bekeken')), entries.join(' | '));
  assert.ok(entries.some((e) => e.endsWith(`${worker} heeft het doel ‘${made.titles.household}’ toegevoegd.`)), `the household goal added: ${entries.join(' | ')}`);
  assert.ok(entries.some((e) => e.includes('Joke Jansen (belangrijke ander) heeft')), 'what the network member did');
  const all = entries.join('\n');
  assert.ok(!/werkaantekening|working.?note|plan\.read|\.read\b/i.test(all), 'no working notes named, no raw codes');
  assert.ok(!all.includes(made.titles.sibling) && !all.includes(made.titles.confidential), 'nothing about goals the parent may not see');
  assert.ok(!entries.some((e) => e.includes('Annelies')), "the parent's own doings are not listed");
  await expectAccessible(page, 'portal access log');
  await screenshot(page, 'portal-access-log');

  // English second, from the same catalogue keys.
  await Promise.all([page.waitForURL('**/portal/access-log'), page.getByRole('link', { name: 'English' }).click()]);
  assert.equal(await page.locator('h1').innerText(), 'Who looked at my file');
  assert.ok((await page.locator('.bt-portal-log li').allInnerTexts()).some((e) => e.includes(`${made.workerName} (family worker) viewed the family plan — `)));
  await page.goto('/portal');
  assert.equal(await page.locator('h1').innerText(), 'My Buurtteam');
  await expectAccessible(page, 'portal plan in English');
  await Promise.all([page.waitForURL('**/portal'), page.getByRole('link', { name: 'Nederlands' }).click()]);
});

test('the portal pages fit a phone and stay accessible there', async () => {
  assert.ok(made.parentEmail, 'the parent has an account');
  const { context, page } = await newPage(browser, server, PHONE);
  try {
    await page.goto('/portal/activate');
    await expectNoHorizontalScroll(page, 'activation form (phone)');
    await expectAccessible(page, 'activation form (phone)');
    await submitLogin(page, made.parentEmail, PORTAL_PASSWORD);
    assert.equal(new URL(page.url()).pathname, '/portal');
    for (const go of [
      async () => page.goto('/portal'),
      async () => {
        // The forms opened, with an error showing.
        await page.goto('/portal');
        await card(page, made.goals.household).locator('summary', { hasText: 'Iemand uitnodigen' }).click();
        await submitForm(page, card(page, made.goals.household).getByRole('button', { name: 'Uitnodigen' }));
      },
      async () => page.goto('/portal/access-log'),
    ]) {
      await go();
      const label = `${new URL(page.url()).pathname} (phone)`;
      const h1 = await page.locator('h1').innerText();
      assert.ok(['Mijn Buurtteam', 'Wie keek in mijn dossier'].includes(h1), `${label} renders its page, not "${h1}"`);
      await expectNoHorizontalScroll(page, label);
      await expectAccessible(page, label);
    }
    await page.goto('/portal');
    await screenshot(page, 'portal-plan-phone');
    // The account page speaks to a family too.
    await page.goto('/account');
    assert.match(await mainText(page), /je logt in met alleen je wachtwoord/);
    assert.ok(!/\b[Uu]w?\b|beheerder/.test(await mainText(page)), 'no "u" on the family\'s account page');
    await expectAccessible(page, 'account page of a family member (phone)');

    // Staff have their own pages.
    const staffPage = await made.staff.newPage();
    await staffPage.goto('/portal');
    assert.equal(new URL(staffPage.url()).pathname, '/', 'a family worker is sent to the worklist');
  } finally {
    await context.close();
    await made.parent?.context.close();
    await made.staff?.close();
  }
});

test('the markers, the worker and the wording at 390 and 1366 pixels', async () => {
  assert.ok(made.parentEmail && made.goals.added, 'the plan changed since the parent agreed');
  for (const [width, height, label] of [[390, 844, '390'], [1366, 900, '1366']]) {
    const options = width < 500 ? { viewport: { width, height }, isMobile: true, hasTouch: true } : { viewport: { width, height } };
    const { context, page } = await newPage(browser, server, options);
    try {
      await page.goto('/login?next=/portal');
      assert.ok(!/beheerder/.test(await mainText(page)), 'the log-in page on the way to the portal names no administrator');
      await expectAccessible(page, `log-in for families (${label})`);
      await screenshot(page, `portal-login-${label}`);
      await submitLogin(page, made.parentEmail, PORTAL_PASSWORD);
      assert.equal(new URL(page.url()).pathname, '/portal');
      assert.match(await card(page, made.goals.child).innerText(), /Gewijzigd sinds je akkoord op/);
      assert.match(await card(page, made.goals.added).innerText(), /Nieuw/);
      assert.match(await mainText(page), new RegExp(`Je gezinswerker is ${made.workerName}`));
      await expectNoHorizontalScroll(page, `portal (${label})`);
      await expectAccessible(page, `portal with markers (${label})`);
      await screenshot(page, `portal-markers-${label}`);
      await page.goto('/portal/access-log');
      await expectNoHorizontalScroll(page, `access log (${label})`);
      await expectAccessible(page, `access log (${label})`);
      await screenshot(page, `portal-access-log-${label}`);
      await page.goto('/account');
      await expectAccessible(page, `account (${label})`);
      await screenshot(page, `portal-account-${label}`);
    } finally {
      await context.close();
    }
  }
});
