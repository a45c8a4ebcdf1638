// Single sign-on in the browser, against a real OpenID provider (tests/oidc/provider.mjs): a
// family worker logs in with "Inloggen met Testaanbieder", someone without an account is told
// to ask the administrator, and a parent who was invited logs into Mijn Buurtteam with the
// same provider standing in for a DigiD broker; someone not invited is told to use the code.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startProvider } from '../oidc/start.mjs';
import { startServer } from './server.mjs';
import {
  PASSWORD,
  expectAccessible,
  expectNoHorizontalScroll,
  isoDate,
  launchBrowser,
  newPage,
  screenshot,
  uniqueName,
  users,
  validBsn,
} from './helpers.mjs';

let provider;
let server;
let browser;
before(async () => {
  provider = await startProvider();
  server = await startServer({ env: provider.env });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  provider?.stop();
});

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Logs in at the provider's own page with these claims. */
async function atProvider(page, claims) {
  await page.waitForURL((u) => u.href.startsWith(provider.issuer));
  for (const [name, value] of Object.entries(claims)) await page.getByLabel(name).fill(value);
  await page.getByRole('button', { name: 'Log in' }).click();
}

test('a family worker logs in through the provider', async () => {
  for (const [size, options] of [['1366', { viewport: { width: 1366, height: 900 } }], ['390', PHONE]]) {
    const { context, page } = await newPage(browser, server, options);
    await page.goto('/login');
    await expectAccessible(page, `log-in page with providers (${size})`);
    await expectNoHorizontalScroll(page, `log-in page (${size})`);
    await screenshot(page, `sso-login-${size}`);
    await context.close();
  }
  const { context, page } = await newPage(browser, server);
  await page.goto('/login');
  await page.getByRole('link', { name: 'Inloggen met Testaanbieder' }).click();
  await atProvider(page, { Subject: 'worker-1', 'E-mail': users.worker1 });
  await page.waitForURL((u) => u.href.startsWith(server.url) && !u.pathname.startsWith('/login'));
  const me = await (await page.request.get('/api/v1/auth/me')).json();
  assert.equal(me.email, users.worker1);
  await expectAccessible(page, 'worklist after single sign-on');
  // Logging out goes on to the provider, which sends the browser back to the log-in page.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForURL(/\/login\?reason=logged-out/).catch(async (e) => {
    throw new Error(`${e.message}\nat ${page.url()}:\n${await page.content()}`);
  });
  assert.equal((await page.request.get('/api/v1/auth/me')).status(), 401);
  await context.close();
});

test('someone the provider knows but we do not is told to ask the administrator', async () => {
  for (const [size, options] of [['1366', { viewport: { width: 1366, height: 900 } }], ['390', PHONE]]) {
    const { context, page } = await newPage(browser, server, options);
    await page.goto('/login');
    await page.getByRole('link', { name: 'Inloggen met Testaanbieder' }).click();
    await atProvider(page, { Subject: `stranger-${size}`, 'E-mail': `onbekend${size}@voorbeeld.nl` });
    await page.waitForURL((u) => u.href.startsWith(server.url));
    await assert.doesNotReject(page.getByRole('heading', { name: 'U heeft nog geen account' }).waitFor());
    assert.match(await page.locator('main').innerText(), /functioneel beheerder/);
    await expectAccessible(page, `refusal page (${size})`);
    await expectNoHorizontalScroll(page, `refusal page (${size})`);
    await screenshot(page, `sso-refused-${size}`);
    await context.close();
  }
});

test('an invited parent logs into Mijn Buurtteam with the DigiD stand-in', async () => {
  // The worker registers a family with the parent's BSN and invites the parent.
  const staff = await browser.newContext({ baseURL: server.url });
  const api = async (method, url, data, expected) => {
    const res = await staff.request.fetch(url, { method, data });
    const text = await res.text();
    assert.equal(res.status(), expected, `${method} ${url}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
  await api('POST', '/api/v1/auth/login', { email: users.worker1, password: PASSWORD }, 200);
  const me = await api('GET', '/api/v1/auth/me', undefined, 200);
  const districts = await api('GET', '/api/v1/districts', undefined, 200);
  const family = uniqueName('Digid');
  const bsn = validBsn(4242);
  const household = await api('POST', '/api/v1/households', {
    address: { street: 'Kanaalstraat', house_number: 9, postcode: '3512 CJ', city: 'Utrecht' },
    district_id: districts.items[0].id,
    members: [
      { given_name: 'Noor', family_name: family, birth_date: '1985-01-01', role: 'parent', bsn },
      { given_name: 'Mees', family_name: family, birth_date: '2016-01-01', role: 'child' },
    ],
  }, 201);
  const [parent, child] = household.members.map((m) => m.id);
  const c = await api('POST', '/api/v1/cases', {
    household_id: household.id, team_id: me.team_ids[0], referred_on: isoDate(0), source: 'self',
    request: 'Mees gaat niet graag naar school.', client_ids: [parent, child],
    life_domains: ['parenting'], later_intake_requested_by: null,
  }, 201);
  await api('POST', `/api/v1/cases/${c.id}/portal-invitations`, { person_id: parent }, 201);
  await staff.close();

  const { context, page } = await newPage(browser, server);
  await page.goto('/login?next=/portal');
  await expectAccessible(page, 'family log-in page with DigiD');
  await page.getByRole('link', { name: 'Inloggen met DigiD' }).click();
  await atProvider(page, { Subject: 'digid-noor', BSN: bsn });
  await page.waitForURL((u) => u.href.startsWith(server.url) && u.pathname === '/portal');
  await expectAccessible(page, 'Mijn Buurtteam after DigiD');
  await context.close();

  // Someone with a BSN but no invitation is sent to the code from the family worker.
  for (const [size, options] of [['1366', { viewport: { width: 1366, height: 900 } }], ['390', PHONE]]) {
    const { context: other, page: p } = await newPage(browser, server, options);
    await p.goto('/login?next=/portal');
    await p.getByRole('link', { name: 'Inloggen met DigiD' }).click();
    await atProvider(p, { Subject: `digid-other-${size}`, BSN: validBsn(777 + Number(size)) });
    await p.waitForURL((u) => u.href.startsWith(server.url));
    await assert.doesNotReject(p.getByRole('heading', { name: 'We kunnen je niet vinden' }).waitFor());
    await expectAccessible(p, `not invited (${size})`);
    await screenshot(p, `sso-not-invited-${size}`);
    await other.close();
  }
});

test('the admin sees the connected providers on the sign-in page', async () => {
  for (const [size, options] of [['1366', { viewport: { width: 1366, height: 900 } }], ['390', PHONE]]) {
    const { context, page } = await newPage(browser, server, options);
    const res = await page.request.post('/api/v1/auth/login', { data: { email: users.admin, password: PASSWORD } });
    assert.equal(res.status(), 200);
    await page.goto('/admin/sign-in');
    await assert.doesNotReject(page.getByRole('heading', { name: 'Testaanbieder' }).waitFor());
    const text = await page.locator('main').innerText();
    assert.match(text, /BUURTTEAM_OIDC_STAFF_ISSUER/);
    assert.ok(!text.includes('test-secret'), 'no secrets');
    await expectAccessible(page, `admin sign-in page (${size})`);
    await screenshot(page, `admin-sign-in-${size}`);
    await context.close();
  }
});
