// Screenshots of the main pages at 1280 x 900 (and two on a phone), kept as artifacts in
// tests/e2e/artifacts/ (ignored by git) to look at after a run.

import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { launchBrowser, login, newPage, screenshot, submitForm, users, setUp } from './helpers.mjs';
import { registerHousehold, registerReferral } from './flows.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

async function shoot(page, name) {
  const path = await screenshot(page, name);
  assert.ok(statSync(path).size > 10_000, `${name}.png has content`);
}

test('screenshots of the main pages at 1280 x 900', async () => {
  const { context, page } = await newPage(browser, server, { viewport: { width: 1280, height: 900 } });
  try {
    await page.goto('/login');
    await shoot(page, 'login');
    await login(page, users.manager1);
    await shoot(page, 'worklist');
    const waitingList = await page.locator('main a[href$="/waiting-list"]').first().getAttribute('href');
    await page.goto(waitingList);
    await shoot(page, 'waiting-list');

    const household = await registerHousehold(page);
    await page.getByLabel(new RegExp(`^${household.child} ${household.familyName}`)).check();
    await page.getByLabel('Opvoeding', { exact: true }).check();
    await shoot(page, 'referral-form');
    const caseId = await registerReferral(page, household);
    await submitForm(page, 'Kennismaking opslaan');
    await submitForm(page, 'Start opslaan');
    await page.fill('#contact-minutes', '60');
    await page.fill('#contact-other_participants', 'Intern begeleider school');
    await submitForm(page, 'Contact opslaan');
    await page.goto(`/cases/${caseId}`);
    await shoot(page, 'case-file');

    await page.goto('/search');
    await page.fill('#name', household.familyName);
    await submitForm(page, 'Zoeken');
    await page.locator('#results-heading').waitFor();
    await shoot(page, 'search');

    await page.goto('/households/new');
    await page.fill('#address-postcode', '35');
    await page.fill('#members-0-bsn', '123456789');
    await submitForm(page, 'Huishouden opslaan');
    await shoot(page, 'household-form-errors');

    // On a phone.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`/cases/${caseId}`);
    await shoot(page, 'case-file-phone');
    await page.goto('/');
    await shoot(page, 'worklist-phone');
  } finally {
    await context.close();
  }
});
