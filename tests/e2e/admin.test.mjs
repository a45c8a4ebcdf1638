// The administration's start page and its settings page: reached from the menu by an admin
// only, accessible (axe), readable on a phone, with screenshots at 1366 and 390 px.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectAccessible, expectNoHorizontalScroll, login, newPage, screenshot, setUp, users } from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

test('an admin finds Beheer in the menu, its sections, and the settings with where each is set', async () => {
  const { context, page } = await newPage(browser, server, { viewport: { width: 1366, height: 900 } });
  try {
    await login(page, users.admin, { expectPath: '/admin' });
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
    for (const section of ['Organisatie', 'Medewerkers', 'Lijsten', 'Herstel', 'Inloggen', 'Instellingen', 'Logboek beheer']) {
      assert.equal(await page.getByRole('link', { name: section, exact: true }).count(), 1, section);
    }
    await expectAccessible(page, 'the administration');
    await screenshot(page, 'admin-1366');
    await page.getByRole('link', { name: 'Instellingen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
    const idle = page.locator('.utrecht-data-list__item', { hasText: 'Uitloggen na inactiviteit' });
    assert.match(await idle.innerText(), /60 minuten/);
    assert.match(await idle.innerText(), /BUURTTEAM_SESSION_IDLE_MINUTES/);
    assert.match(await idle.innerText(), /--session-idle-minutes/);
    await expectAccessible(page, 'the settings');
    await screenshot(page, 'admin-settings-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, name] of [['/admin', 'admin-390'], ['/admin/settings', 'admin-settings-390']]) {
      await page.goto(path);
      await expectNoHorizontalScroll(page, path);
      await screenshot(page, name);
    }
  } finally {
    await context.close();
  }
});

test('a family worker has no Beheer and is refused at /admin', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    await login(page, users.worker1);
    assert.equal(await page.getByRole('link', { name: 'Beheer' }).count(), 0);
    const response = await page.goto('/admin');
    assert.equal(response.status(), 403);
    await expectAccessible(page, 'the refusal');
  } finally {
    await context.close();
  }
});
