// Secrets at rest: the demo makes its own key (readable by its owner only) beside its database,
// and the settings page names the key by its id, never the key itself; accessible (axe),
// readable on a phone, screenshots at 1366 and 390 px.

import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { expectAccessible, expectNoHorizontalScroll, login, newPage, screenshot, setUp, users } from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

test('the demo keeps its key beside its database, and the settings page shows only its id', async () => {
  const keyFile = join(server.dir, 'demo.db.key');
  assert.equal(statSync(keyFile).mode & 0o777, 0o600, 'the key file is readable by its owner only');
  const key = readFileSync(keyFile, 'utf8').trim();
  assert.equal(Buffer.from(key, 'base64').length, 32, 'a key of 32 bytes');

  const { context, page } = await newPage(browser, server, { viewport: { width: 1366, height: 900 } });
  try {
    await login(page, users.admin, { expectPath: '/admin' });
    await page.goto('/admin/settings');
    await page.getByRole('heading', { level: 2, name: 'Geheimen en sleutel' }).waitFor();
    const current = page.locator('.utrecht-data-list__item', { hasText: 'Sleutel voor geheimen' });
    const text = await current.innerText();
    assert.match(text, /Sleutel [0-9a-f]{8}/);
    assert.match(text, /BUURTTEAM_SECRET_KEY_FILE/);
    assert.match(text, /--secret-key-file/);
    const old = page.locator('.utrecht-data-list__item', { hasText: 'Oude sleutels' });
    assert.match(await old.innerText(), /Geen/);
    assert.match(await old.innerText(), /BUURTTEAM_SECRET_KEY_OLD_FILES/);
    const html = await page.content();
    assert.ok(!html.includes(key) && !html.includes(key.slice(0, 12)), 'the key itself is never on the page');
    await expectAccessible(page, 'the settings with the key');
    await page.getByRole('heading', { level: 2, name: 'Geheimen en sleutel' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-secrets-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/admin/settings');
    await expectNoHorizontalScroll(page, '/admin/settings');
    await page.getByRole('heading', { level: 2, name: 'Geheimen en sleutel' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-secrets-390');
  } finally {
    await context.close();
  }
});
