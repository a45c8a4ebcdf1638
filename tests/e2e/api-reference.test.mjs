// The API reference at /api/v1/docs: Swagger UI from npm, served from the binary under the
// strict Content-Security-Policy, showing the operations and schemas of the OpenAPI document;
// "Try it out" runs a call as the logged-in user.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login, newPage, screenshot, setUp, users } from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

test('the API reference shows every operation and schema and tries a call as the logged-in user', async () => {
  for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
    const { context, page } = await newPage(browser, server, { viewport });
    const problems = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await login(page, users.worker1);
      await page.goto('/api/v1/docs');
      await page.locator('.opblock').first().waitFor();
      const operations = await page.locator('.opblock').count();
      assert.ok(operations >= 40, `${operations} operations shown`);
      await page.locator('.opblock-summary-path[data-path="/cases/{id}/intake"]').first().waitFor();
      assert.match(await page.locator('.servers').innerText(), /\/api\/v1/);
      // Swagger UI renders only the schemas near the window: scroll through the list to CaseOut.
      const models = page.locator('section.models');
      await models.scrollIntoViewIfNeeded();
      let seen = await models.innerText();
      for (let i = 0; i < 60 && !/CaseOut/.test(seen); i++) {
        await page.mouse.wheel(0, 300);
        await page.waitForTimeout(100);
        seen += await models.innerText();
      }
      assert.match(seen, /AccessOut/);
      assert.match(seen, /CaseOut/);
      // The problem types their URIs point to.
      assert.match(await page.locator('#problem-validation').innerText(), /422/);
      await screenshot(page, `api-reference-${viewport.width}`);

      // Try it out: GET /auth/me answers with the logged-in worker.
      const me = page.locator('.opblock', { has: page.locator('.opblock-summary-path[data-path="/auth/me"]') });
      await me.locator('.opblock-summary').click();
      await me.getByRole('button', { name: 'Try it out' }).click();
      await me.getByRole('button', { name: 'Execute' }).click();
      const body = me.locator('.responses-inner .response .highlight-code').first();
      await body.waitFor();
      assert.match(await body.innerText(), new RegExp(users.worker1.replace(/\./g, '\\.')));
      assert.deepEqual(problems.filter((p) => /Content Security Policy|Refused/.test(p)), [], 'nothing refused by the CSP');
    } finally {
      await context.close();
    }
  }
});
