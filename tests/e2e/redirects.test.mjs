// Return paths stay on this site: after the language switch (`/language?back=`) and after
// logging in (`/login?next=`), whatever the address holds (a tab, a line break, a backslash,
// encoded slashes, dot segments, control characters). Chromium is the judge: it drops tabs and
// line breaks inside a Location and reads `\` as `/`, so `/%09/evil.example/` once sent it to
// evil.example. Every page must end on the server's own origin, and no request may leave it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newPage, setUp, submitLogin, users } from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

// As they appear in the address bar (already percent-encoded where a browser would encode).
const HOSTILE = [
  '/%09/evil.example/',
  '%2F%09%2Fevil.example%2F',
  '/%0A/evil.example/',
  '/%0D%0A/evil.example/',
  '/%5Cevil.example/',
  '%2F%5Cevil.example%2F',
  '//evil.example/',
  '%2F%2Fevil.example%2F',
  '/%2F/evil.example/',
  '/..//evil.example/',
  '%2Fa%2F..%2F..%2F%2Fevil.example%2F',
  '/%2e%2e//evil.example/',
  'https://evil.example/',
  'https:%2F%2Fevil.example%2F',
  '%20%2F%2Fevil.example%2F',
  '/%00',
  '/%1B%5B2J',
];

/** A page whose every request to another origin is recorded (including redirect targets). */
async function guardedPage() {
  const { context, page } = await newPage(browser, server);
  const offsite = [];
  const origin = new URL(server.url).origin;
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== origin) offsite.push(r.url());
  });
  return { context, page, offsite, origin };
}

test('the language switch returns only to pages of this site', async () => {
  const { context, page, offsite, origin } = await guardedPage();
  try {
    for (const back of HOSTILE) {
      const response = await page.goto(`/language?set=en&back=${back}`).catch((e) => e);
      assert.ok(!(response instanceof Error), `back=${back}: ${response?.message}`);
      const url = new URL(page.url());
      assert.equal(url.origin, origin, `back=${back} ended on ${page.url()}`);
      // Not logged in: the start page sends on to the log-in page, in English now.
      assert.equal(url.pathname, '/login', `back=${back}`);
      assert.equal(response.status(), 200, `back=${back}`);
    }
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    // A page of this site is where the switch returns to.
    await page.goto(`/language?set=nl&back=${encodeURIComponent('/login?reason=logged-out')}`);
    assert.equal(new URL(page.url()).search, '?reason=logged-out');
    assert.deepEqual(offsite, [], 'no request left the site');
  } finally {
    await context.close();
  }
});

test('after logging in the browser stays on this site', async () => {
  for (const next of HOSTILE.slice(0, 12)) {
    const { context, page, offsite, origin } = await guardedPage();
    try {
      await page.goto(`/login?next=${next}`);
      assert.equal(await page.locator('input[name="next"]').inputValue(), '/', `next=${next} is not kept`);
      // Even when a form elsewhere posts the hostile value itself.
      await page.locator('input[name="next"]').evaluate((el, v) => {
        el.value = decodeURIComponent(v);
      }, next);
      const response = await submitLogin(page, users.worker1).catch((e) => e);
      assert.ok(!(response instanceof Error), `next=${next}: ${response?.message}`);
      const url = new URL(page.url());
      assert.equal(url.origin, origin, `next=${next} ended on ${page.url()}`);
      assert.equal(url.pathname, '/', `next=${next}`);
      assert.deepEqual(offsite, [], `next=${next}: no request left the site`);
    } finally {
      await context.close();
    }
  }
});
