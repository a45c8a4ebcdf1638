// Shared helpers for the browser tests: the browser, logging in, dates, TOTP codes, form
// error checks and axe.

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import AxeBuilderModule from '@axe-core/playwright';

const AxeBuilder = AxeBuilderModule.default ?? AxeBuilderModule;

export const PASSWORD = 'demo-wachtwoord';
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');

export const users = {
  worker1: 'gezinswerker1@demo.buurtteam.nl',
  worker2: 'gezinswerker2@demo.buurtteam.nl',
  manager1: 'teammanager1@demo.buurtteam.nl',
  analyst: 'analist@demo.buurtteam.nl',
  admin: 'beheer@demo.buurtteam.nl',
  privacy: 'privacy@demo.buurtteam.nl',
  worker: (n) => `gezinswerker${n}@demo.buurtteam.nl`,
};

/** Debian's Chromium, headless; never a downloaded browser. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh context (own cookies) and page against the server. */
export async function newPage(browser, server, options = {}) {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1280, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    ...options,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** Fills in the log-in form and submits it; returns the response of the form post. */
export async function submitLogin(page, email, password = PASSWORD) {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login') || page.url().includes('second-factor')) {
    await page.goto('/login');
  }
  await page.fill('#email', email);
  await page.fill('#password', password);
  return submitForm(page, 'Inloggen');
}

/** Logs in and checks that the worklist (or `expectPath`) is shown. */
export async function login(page, email, { expectPath = '/', password = PASSWORD } = {}) {
  await page.goto('/login');
  await submitLogin(page, email, password);
  assert.equal(new URL(page.url()).pathname, expectPath, `after logging in as ${email}`);
}

/** Logs in through the API; returns the session cookie for further API calls. */
async function apiSession(server, email, password = PASSWORD) {
  const res = await fetch(new URL('/api/v1/auth/login', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(res.status, 200, `API log-in as ${email}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

let workersMade = 0;

/**
 * A new family worker in a new team of its own, so that a test sees the whole of their worklist
 * and their team's: nothing but what the test puts there. Returns `{ email, password, team }`.
 */
export async function newFamilyWorker(server, name = 'Deniz Öztürk') {
  const admin = await apiSession(server, users.admin);
  const call = async (path, body) => {
    const res = await fetch(new URL(path, server.url), {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: body && JSON.stringify(body),
    });
    assert.equal(res.status, body ? 201 : 200, `${path}: ${res.status}`);
    return res.json();
  };
  workersMade += 1;
  const suffix = `${workersMade}-${process.pid}`;
  const districts = await call('/api/v1/districts');
  const team = await call('/api/v1/teams', { name: `Buurtteam Proef ${suffix}`, district_id: districts.items[0].id });
  const worker = { email: `nieuw${suffix}@demo.buurtteam.nl`, password: 'een lange zin over de Vecht bij Zuilen' };
  await call('/api/v1/users', { ...worker, name, role: 'family_worker', team_ids: [team.id] });
  return { ...worker, team: team.id };
}

export async function logout(page) {
  await Promise.all([page.waitForURL(/\/login\?reason=logged-out/), page.getByRole('button', { name: 'Uitloggen' }).click()]);
}

/** The logged-in user as the API sees them (same cookie). */
export async function me(page) {
  const res = await page.request.get('/api/v1/auth/me');
  assert.equal(res.status(), 200, 'GET /api/v1/auth/me');
  return res.json();
}

/** Today in the organisation's time zone, as YYYY-MM-DD, shifted by `days`. */
export function isoDate(days = 0) {
  const now = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A valid BSN (passes the 11-proef), different for each `seed`. */
export function validBsn(seed) {
  for (let n = 100_000_000 + (seed * 7919) % 800_000_000; ; n++) {
    const digits = String(n).split('').map(Number);
    const sum = digits.slice(0, 8).reduce((s, d, i) => s + d * (9 - i), 0) - digits[8];
    if (sum % 11 === 0) return String(n);
  }
}

/** A name no demo family has, so searches find only what a test made. */
export function uniqueName(prefix) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let n = Date.now() + Math.floor(Math.random() * 1e6);
  let tail = '';
  for (let i = 0; i < 6; i++) {
    tail += letters[n % 26];
    n = Math.floor(n / 26);
  }
  return `${prefix}${tail}`;
}

// --- TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps) -------------------------------------

export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function totpStep(timeMs = Date.now()) {
  return Math.floor(timeMs / 1000 / 30);
}

export function totpCode(secretBase32, step = totpStep()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const binary = ((hmac[offset] & 0x7f) << 24) | (hmac[offset + 1] << 16) | (hmac[offset + 2] << 8) | hmac[offset + 3];
  return String(binary % 1_000_000).padStart(6, '0');
}

/** Waits until the current TOTP step is past `step` (and a second into the new one). */
export async function waitForStepAfter(step) {
  for (;;) {
    const now = Date.now();
    if (totpStep(now) > step && (now / 1000) % 30 >= 1) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

// --- Forms ---------------------------------------------------------------------------------

/**
 * Checks what a user (and a screen reader) gets for an invalid field: aria-invalid, the
 * message beside it tied with aria-describedby (containing `message` when given), and a link to
 * it in the error summary at the top.
 */
export async function expectFieldError(page, id, message) {
  const field = page.locator(`[id="${id}"]`);
  assert.equal(await field.count(), 1, `field #${id} exists once`);
  const isFieldset = (await field.evaluate((el) => el.tagName)) === 'FIELDSET';
  if (!isFieldset) assert.equal(await field.getAttribute('aria-invalid'), 'true', `#${id} has aria-invalid="true"`);
  const describedBy = (await field.getAttribute('aria-describedby')) || '';
  const errorId = describedBy.split(/\s+/).find((d) => d.endsWith('-error'));
  assert.ok(errorId, `#${id} aria-describedby (${describedBy}) names an error element`);
  const error = page.locator(`[id="${errorId}"]`);
  assert.equal(await error.count(), 1, `error element #${errorId} exists`);
  assert.ok(await error.isVisible(), `error #${errorId} is visible`);
  const text = (await error.innerText()).trim();
  assert.ok(text.length > 0, `error #${errorId} has a message`);
  if (message) assert.match(text, message instanceof RegExp ? message : new RegExp(escapeRe(message)), `message of #${id}`);
  const summary = page.locator('.bt-error-summary');
  assert.ok(await summary.first().isVisible(), 'the error summary is shown');
  assert.ok((await summary.locator(`a[href="#${id}"]`).count()) >= 1, `the summary links to #${id}`);
  return text;
}

export function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Clicks a submit button and waits for what the browser shows next: a new page (after a
 * redirect, if any), or, for htmx forms with JavaScript on, #main swapped in place. Returns the
 * response: the document's (a 303's target) or the htmx request's.
 */
export async function submitForm(page, button) {
  const target = typeof button === 'string' ? page.getByRole('button', { name: button, exact: true }) : button;
  const usesHtmx = await target.evaluate((b) => {
    const htmxOn = !!(b.form && b.form.hasAttribute('hx-post') && window.htmx);
    if (htmxOn) document.getElementById('main').dataset.stale = '1';
    return htmxOn;
  });
  if (usesHtmx) {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'xhr'),
      target.click(),
    ]);
    await page.waitForFunction(() => document.querySelector('#main:not([data-stale])') && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling'));
    return response;
  }
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400)),
    page.waitForEvent('load'),
    target.click(),
  ]);
  return response;
}

// --- Accessibility -------------------------------------------------------------------------

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function describeViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 3).join(' ')}`).join('\n')}`)
    .join('\n');
}

/** Runs axe with the WCAG 2.1 A/AA rules and asserts there are no violations. */
export async function expectAccessible(page, label) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  assert.equal(results.violations.length, 0, `axe violations on ${label} (${page.url()}):\n${describeViolations(results.violations)}`);
  return results;
}

/** The page itself does not scroll sideways (tables may, inside their wrapper). */
export async function expectNoHorizontalScroll(page, label) {
  const m = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    wide: [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest('.bt-table-wrap'))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`),
  }));
  assert.ok(m.scrollWidth <= m.clientWidth, `${label}: page scrolls horizontally (scrollWidth ${m.scrollWidth} > clientWidth ${m.clientWidth}); too wide: ${m.wide.join(', ')}`);
}

// The whole page as `<name>.png`, and what fits the window as `<name>-top.png` (the README
// shows docs/screenshots/, copies of the -top images).
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}-top.png`) });
  return path;
}

// Starts the demo server and the browser before a test file's tests and stops both after;
// `receive(server, browser)` hands them to the file.
export function setUp(receive) {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    receive(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}

// One API call on a Playwright request context (its cookies are the session): asserts the
// status and answers the parsed JSON body, or null when there is none.
export async function api(ctx, method, url, data, expected) {
  const res = await ctx.request.fetch(url, { method, data });
  const text = await res.text();
  assert.equal(res.status(), expected, `${method} ${url}: ${text}`);
  return text ? JSON.parse(text) : null;
}

// A browser context logged in through the API as `email` (demo password).
export async function apiAs(browser, server, email) {
  const ctx = await browser.newContext({ baseURL: server.url });
  await api(ctx, 'POST', '/api/v1/auth/login', { email, password: PASSWORD }, 200);
  return ctx;
}

// Both widths: zero axe violations, no sideways scrolling, a screenshot each (`<name>-1366`,
// `<name>-390`); leaves the page at 1280 px.
export async function checkBothWidths(page, name) {
  await expectAccessible(page, name);
  await expectNoHorizontalScroll(page, name);
  await page.setViewportSize({ width: 1366, height: 900 });
  await screenshot(page, `${name}-1366`);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page, `${name} at 390 px`);
  await expectAccessible(page, `${name} at 390 px`);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}
