// Staff accounts in the administration (/admin/users): an admin makes a family worker in two
// teams and sees the activation code once; the worker activates with it and logs in; the admin
// deactivates the account and the worker's session ends. Zero axe violations on every page,
// screenshots of the list and the edit page at 1366 and 390 px.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  expectAccessible,
  expectFieldError,
  expectNoHorizontalScroll,
  login,
  newPage,
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

const NEW_PASSWORD = 'een lange zin langs de Vaartsche Rijn';

test('an admin makes a worker with two teams, the worker activates and logs in, the admin deactivates them', async () => {
  const admin = await newPage(browser, server, { viewport: { width: 1366, height: 900 } });
  const worker = await newPage(browser, server);
  const name = `Fatima ${uniqueName('Y')}`;
  const email = `fatima.${Date.now()}@demo.buurtteam.nl`;
  try {
    const page = admin.page;
    await login(page, users.admin, { expectPath: '/admin' });
    await page.getByRole('link', { name: 'Medewerkers' }).click();
    assert.equal(new URL(page.url()).pathname, '/admin/users');
    await expectAccessible(page, 'the staff list');
    await page.getByRole('link', { name: 'Nieuwe medewerker' }).click();
    await expectAccessible(page, 'the new staff form');

    // A mistake first: a family worker without a team.
    await page.fill('#name', name);
    await page.fill('#email', email);
    await page.selectOption('#role', 'family_worker');
    await page.fill('#contract_hours', '28,8');
    let response = await submitForm(page, 'Medewerker aanmaken');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'team_ids', 'Kies minstens één team voor een gezinswerker of teammanager.');
    await expectAccessible(page, 'the new staff form with an error');

    const boxes = page.locator('input[name="team_ids"]');
    assert.ok((await boxes.count()) >= 2, 'the demo has at least two teams');
    const teamNames = [];
    for (const i of [0, 1]) {
      await boxes.nth(i).check();
      teamNames.push((await page.locator(`label[for="${await boxes.nth(i).getAttribute('id')}"]`).innerText()).trim());
    }
    response = await submitForm(page, 'Medewerker aanmaken');
    assert.equal(response.status(), 200);
    const code = (await page.locator('#activation-code').innerText()).trim();
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.match(await page.locator('main').innerText(), /U ziet deze code maar één keer/);
    await expectAccessible(page, 'the activation code');
    await screenshot(page, 'admin-users-code-1366');

    // The list shows the new worker, not the code.
    await page.goto('/admin/users');
    const row = page.locator('#users tr', { hasText: name });
    const text = await row.innerText();
    for (const t of teamNames) assert.ok(text.includes(t), `team ${t} in ${text}`);
    assert.match(text, /28,8/);
    assert.match(text, /Nog niet geactiveerd/);
    assert.ok(!(await page.content()).includes(code), 'the code is shown once');

    // The worker activates from the log-in page and is logged in.
    const w = worker.page;
    await w.goto('/login');
    await w.getByRole('link', { name: 'Activeringscode ontvangen?' }).click();
    assert.equal(new URL(w.url()).pathname, '/account/activate');
    await expectAccessible(w, 'the staff activation form');
    await w.fill('#code', code.toLowerCase());
    await w.fill('#email', email);
    await w.fill('#password', NEW_PASSWORD);
    await w.fill('#repeat_password', NEW_PASSWORD);
    await submitForm(w, 'Wachtwoord instellen en inloggen');
    assert.equal(new URL(w.url()).pathname, '/', 'logged in, on the worklist');
    const me = await (await w.request.get('/api/v1/auth/me')).json();
    assert.equal(me.email, email);
    assert.equal(me.team_ids.length, 2);

    // The admin finds them by team and deactivates them.
    await page.goto('/admin/users');
    await page.selectOption('#team', { label: teamNames[1] });
    await page.selectOption('#active', 'yes');
    await submitForm(page, 'Filter toepassen');
    await page.getByRole('link', { name }).click();
    await expectAccessible(page, 'the edit page');
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await expectNoHorizontalScroll(page, `the edit page at ${width}`);
      await screenshot(page, `admin-users-edit-${width}`);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    await submitForm(page, `${name} uitzetten`);
    assert.match(await page.locator('#done').innerText(), /uitgezet/);
    await expectAccessible(page, 'the edit page after deactivating');
    assert.equal((await w.request.get('/api/v1/auth/me')).status(), 401, 'the worker is logged out at once');
    await w.goto('/');
    assert.equal(new URL(w.url()).pathname, '/login');

    // The list at both widths.
    await page.goto('/admin/users');
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await expectNoHorizontalScroll(page, `the staff list at ${width}`);
      await expectAccessible(page, `the staff list at ${width}`);
      await screenshot(page, `admin-users-list-${width}`);
    }
  } finally {
    await admin.context.close();
    await worker.context.close();
  }
});

test('a worker is refused the staff pages', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.worker1);
    const response = await page.goto('/admin/users');
    assert.equal(response.status(), 403);
    await expectAccessible(page, 'the refusal');
  } finally {
    await context.close();
  }
});

test('an admin makes a partner organisation account: the partner is chosen beside the role, the list names it', async () => {
  const { context, page } = await newPage(browser, server, { viewport: { width: 1366, height: 900 } });
  const name = `Mw. ${uniqueName('De Vries')}`;
  try {
    await login(page, users.admin, { expectPath: '/admin' });
    await page.goto('/admin/users/new');
    await page.fill('#name', name);
    await page.fill('#email', `poh.${Date.now()}@demo.buurtteam.nl`);
    await page.selectOption('#role', 'partner');
    // The partner is required for the role: the error stands beside the choice.
    const response = await submitForm(page, 'Medewerker aanmaken');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'partner_id');
    await expectAccessible(page, 'the new account form with a partner error');
    await screenshot(page, 'admin-users-new-partner-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'admin-users-new-partner-390');
    await page.setViewportSize({ width: 1366, height: 900 });

    const options = await page.locator('#partner_id option').allInnerTexts();
    assert.ok(options.length >= 2, `the demo has partners: ${options}`);
    const chosen = options[1].replace(/ \([^)]*\)$/, '').trim();
    await page.selectOption('#partner_id', { index: 1 });
    await submitForm(page, 'Medewerker aanmaken');
    assert.match(await page.locator('main').innerText(), /activeringscode/i);

    await page.goto('/admin/users?role=partner');
    const row = page.locator('tbody tr', { hasText: name });
    assert.match(await row.innerText(), new RegExp(chosen.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the list names the partner');
    await expectAccessible(page, 'the list with a partner account');
  } finally {
    await context.close();
  }
});
