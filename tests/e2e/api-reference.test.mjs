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
      // Swagger UI renders the operations as they come near the window: scroll down the whole
      // list and collect every operation seen.
      const operations = new Set();
      for (let i = 0; i < 200; i++) {
        const seenNow = await page
          .locator('.opblock')
          .evaluateAll((blocks) =>
            blocks.map((b) => `${b.querySelector('.opblock-summary-method')?.textContent} ${b.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`),
          );
        seenNow.forEach((o) => operations.add(o));
        const atEnd = await page.evaluate(() => window.innerHeight + window.scrollY >= document.body.scrollHeight - 2);
        if (atEnd && operations.size >= 40) break;
        await page.mouse.wheel(0, 800);
        await page.waitForTimeout(50);
      }
      assert.ok(operations.size >= 40, `${operations.size} operations shown`);
      assert.ok(
        [...operations].some((o) => o.endsWith(' /cases/{id}/intake')),
        'the intake operation is among them',
      );
      await page.evaluate(() => window.scrollTo(0, 0));
      assert.match(await page.locator('.servers').innerText(), /\/api\/v1/);
      // Swagger UI renders the schemas in a list of their own that shows only what is in view:
      // scroll that list from top to bottom and collect the names seen.
      const models = page.locator('section.models');
      await models.scrollIntoViewIfNeeded();
      // The mouse wheel above may have scrolled that list already: start at its top.
      await models.evaluate((el) => {
        (el.querySelector('.models-scroll') ?? el).scrollTop = 0;
      });
      await page.waitForTimeout(100);
      let seen = '';
      for (let i = 0; i < 400; i++) {
        const step = await models.evaluate((el) => {
          const list = el.querySelector('.models-scroll') ?? el;
          const text = list.innerText;
          const atEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - 2;
          list.scrollTop += list.clientHeight / 2;
          return { text, atEnd };
        });
        seen += step.text;
        if (step.atEnd || (/AccessOut/.test(seen) && /CaseOut/.test(seen))) break;
        await page.waitForTimeout(30);
      }
      assert.match(seen, /AccessOut/);
      assert.match(seen, /CaseOut/);
      // The problem types their URIs point to.
      assert.match(await page.locator('#problem-validation').innerText(), /422/);
      await screenshot(page, `api-reference-${viewport.width}`);

      // Try it out: GET /auth/me answers with the logged-in worker.
      const me = page.locator('.opblock', { has: page.locator('.opblock-summary-path[data-path="/auth/me"]') });
      await page.evaluate(() => window.scrollTo(0, 0));
      for (let i = 0; i < 200 && (await me.count()) === 0; i++) {
        await page.evaluate(() => window.scrollBy(0, 600));
        await page.waitForTimeout(30);
      }
      await me.locator('.opblock-summary').click();
      await me.getByRole('button', { name: 'Try it out' }).click();
      await me.getByRole('button', { name: 'Execute' }).click();
      // The live answer, not the documented example above it.
      const body = me.locator('.live-responses-table .highlight-code').first();
      await body.waitFor();
      assert.match(await body.innerText(), new RegExp(users.worker1.replace(/\./g, '\\.')));
      assert.deepEqual(problems.filter((p) => /Content Security Policy|Refused/.test(p)), [], 'nothing refused by the CSP');
    } finally {
      await context.close();
    }
  }
});
