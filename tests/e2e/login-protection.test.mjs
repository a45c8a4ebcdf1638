// Log-in protection: lock-out after 5 wrong passwords, and the TOTP second factor (set up,
// recovery codes, a wrong code refused, a right code and a recovery code accepted).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import {
  expectAccessible,
  expectFieldError,
  launchBrowser,
  login,
  logout,
  newPage,
  submitForm,
  submitLogin,
  totpCode,
  totpStep,
  users,
  waitForStepAfter,
  setUp,
} from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

const LOCKED = /Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen\. Probeer het over 15 minuten opnieuw/;

test('five wrong passwords lock the account; then the right password is refused too', async () => {
  const { context, page } = await newPage(browser, server);
  const email = users.worker(5);
  try {
    await page.goto('/login');
    const statuses = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await submitLogin(page, email, `fout-${attempt}`);
      statuses.push(response.status());
      const summary = await page.locator('.bt-error-summary').innerText();
      if (attempt < 5) {
        assert.equal(response.status(), 401, `attempt ${attempt}`);
        assert.match(summary, /Het e-mailadres of het wachtwoord klopt niet\./, `attempt ${attempt}`);
      } else {
        assert.equal(response.status(), 429, 'the 5th wrong password locks the account');
        assert.match(summary, LOCKED);
        assert.ok(Number(response.headers()['retry-after']) > 0, 'Retry-After is set');
      }
    }
    await expectAccessible(page, 'log-in, account locked');
    // The right password does not get in while the account is locked.
    const response = await submitLogin(page, email);
    assert.equal(response.status(), 429);
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.match(await page.locator('.bt-error-summary').innerText(), LOCKED);
    assert.equal((await page.request.get('/api/v1/auth/me')).status(), 401, 'no session');
    await page.goto('/');
    assert.equal(new URL(page.url()).pathname, '/login', 'the worklist still wants a log-in');
    // Another account is not affected.
    await login(page, users.worker(4));
  } finally {
    await context.close();
  }
});

test('TOTP second factor: set up, recovery codes, wrong code refused, right code and recovery code accepted', async () => {
  const { context, page } = await newPage(browser, server);
  const email = users.worker(6);
  try {
    await login(page, email);
    await page.goto('/account');
    assert.match(await page.locator('#second-factor-heading + p').innerText(), /.+/);
    await Promise.all([page.waitForURL('**/account/second-factor'), page.locator('main a[href="/account/second-factor"]').click()]);
    assert.equal(await page.locator('h1').innerText(), 'Tweede stap instellen');
    assert.equal(await page.locator('.bt-qr svg').count(), 1, 'a QR code is shown');
    const secret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/, 'a base32 secret of 160 bits');
    await expectAccessible(page, 'second factor set-up');

    // A wrong code is refused and the secret stays the same.
    const wrong = (Number(totpCode(secret)) + 500_000) % 1_000_000;
    await page.fill('#code', String(wrong).padStart(6, '0'));
    let response = await submitForm(page, 'Tweede stap aanzetten');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'code', 'Deze code klopt niet.');
    assert.equal((await page.locator('#totp-secret').innerText()).replace(/\s+/g, ''), secret, 'the same secret after an error');
    await expectAccessible(page, 'second factor set-up with an error');

    // The right code turns it on and shows 10 recovery codes, once.
    const setupStep = totpStep();
    await page.fill('#code', totpCode(secret, setupStep));
    response = await submitForm(page, 'Tweede stap aanzetten');
    assert.equal(response.status(), 200);
    assert.match(await page.locator('.utrecht-alert--ok').innerText(), /De tweede stap staat aan\./);
    const codes = (await page.locator('#recovery-codes li').allInnerTexts()).map((c) => c.trim());
    assert.equal(codes.length, 10, '10 recovery codes');
    assert.equal(new Set(codes).size, 10, 'all different');
    for (const c of codes) assert.match(c, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await expectAccessible(page, 'second factor recovery codes');
    await page.goto('/account');
    assert.equal(await page.locator('#recovery-codes').count(), 0, 'the codes are not shown again');
    await logout(page);

    // Logging in again asks for the code; a pending log-in is not a session yet.
    await submitLogin(page, email);
    assert.equal(new URL(page.url()).pathname, '/login/second-factor');
    assert.equal(await page.locator('h1').innerText(), 'Tweede stap: code');
    assert.equal((await page.request.get('/api/v1/auth/me')).status(), 401, 'no session before the second factor');
    await page.goto('/');
    assert.equal(new URL(page.url()).pathname, '/login', 'the worklist is not reachable with only a password');
    await submitLogin(page, email);
    assert.equal(new URL(page.url()).pathname, '/login/second-factor');
    await expectAccessible(page, 'second factor log-in');

    // A wrong code is refused.
    const current = totpCode(secret);
    const bad = current === '123456' ? '654321' : '123456';
    await page.fill('#code', bad);
    response = await submitForm(page, 'Bevestigen');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'code', 'Deze code klopt niet. Wacht op de volgende code en probeer het opnieuw.');
    assert.equal((await page.request.get('/api/v1/auth/me')).status(), 401);
    await expectAccessible(page, 'second factor log-in with an error');

    // A recovery code gets in.
    await page.fill('#code', codes[0]);
    response = await submitForm(page, 'Bevestigen');
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal((await (await page.request.get('/api/v1/auth/me')).json()).email, email);
    await logout(page);

    // The same recovery code does not work twice.
    await submitLogin(page, email);
    await page.fill('#code', codes[0]);
    response = await submitForm(page, 'Bevestigen');
    assert.equal(response.status(), 422, 'a used recovery code is refused');
    assert.equal(new URL(page.url()).pathname, '/login/second-factor');

    // A code from the app for a new time step (each step counts once) gets in.
    await waitForStepAfter(setupStep);
    await page.fill('#code', totpCode(secret));
    response = await submitForm(page, 'Bevestigen');
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal((await (await page.request.get('/api/v1/auth/me')).json()).email, email);
  } finally {
    await context.close();
  }
});
