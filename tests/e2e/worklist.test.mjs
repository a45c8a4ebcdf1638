// The worklist of a working day in the browser: cards that read on a phone, picking up a new
// referral, the agenda's sections on their own, and a team manager assigning from the waiting
// list. Every page checked with axe, on a phone (390 px) and a desk (1366 px).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectAccessible, expectNoHorizontalScroll, login, newFamilyWorker, newPage, screenshot, setUp, submitForm, users } from './helpers.mjs';
import { registerHousehold, registerReferral } from './flows.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

const LONG_NAME = 'Öztürk-Van Der Heijden-Şahin-Yılmaz-Çelik-Abdelkarimovic';

test('a worker picks up a new referral from a worklist of cards, on a phone', async () => {
  const worker = await newFamilyWorker(server, 'Deniz Öztürk');
  const { context, page } = await newPage(browser, server, { viewport: { width: 390, height: 844 } });
  try {
    await login(page, worker.email, { password: worker.password });
    const household = await registerHousehold(page, { familyName: LONG_NAME, child: 'Mirza' });
    const caseId = await registerReferral(page, household);
    await page.goto('/');

    // The new referral is a card among the new referrals, held by nobody yet.
    const card = page.locator('#worklist-results .bt-case-card', { has: page.locator(`a[href="/cases/${caseId}"]`) });
    assert.equal(await card.count(), 1);
    assert.match(await card.innerText(), /Nog door niemand opgepakt/);
    // A long name wraps inside its card: the page does not scroll sideways.
    await expectNoHorizontalScroll(page, 'worklist on a phone');
    const box = await card.boundingBox();
    assert.ok(box && box.width <= 390, `the card fits the screen (${box?.width} px)`);
    // The agenda's empty parts are one line, not six empty headings.
    assert.match(await page.locator('#worklist-nothing').innerText(), /^Niets te doen bij: afspraken vandaag en deze week/);
    await expectAccessible(page, 'worklist on a phone');
    await screenshot(page, 'worklist-cards-phone');

    // Picking it up: back on the worklist (a GET), with a confirmation and the worker's name.
    const pickUp = card.getByRole('button', { name: `Mirza ${LONG_NAME} oppakken` });
    await Promise.all([page.waitForURL(/done=claimed/), pickUp.click()]);
    assert.match(await page.locator('#done').innerText(), /U hebt de aanmelding opgepakt/);
    assert.match(await card.innerText(), /Gezinswerker: Deniz Öztürk/);
    assert.equal(await card.getByRole('button').count(), 0, 'nothing left to pick up');
    // A reload sends nothing again.
    const again = await page.reload();
    assert.equal(again.request().method(), 'GET');
  } finally {
    await context.close();
  }
});

test('a team manager filters the worklist per worker, opens a section and assigns from the waiting list', async () => {
  const { context, page } = await newPage(browser, server, { viewport: { width: 1366, height: 900 } });
  try {
    await login(page, users.manager1);
    await expectNoHorizontalScroll(page, 'worklist (team manager)');
    await screenshot(page, 'worklist-cards');

    // One worker's cases: every card names that worker, or is a referral nobody holds.
    await page.getByText('Meer filters').click();
    const options = await page.locator('#worker option').allInnerTexts();
    assert.ok(options.length > 2, `workers to filter on: ${options}`);
    const name = options[1];
    await page.selectOption('#worker', { label: name });
    await page.waitForURL(/worker=\d+/);
    const metas = await page.locator('#worklist-results .bt-case-card__meta').allInnerTexts();
    assert.ok(metas.length > 0, 'that worker has cases');
    for (const meta of metas) assert.ok(meta.includes(`Gezinswerker: ${name}`), `${meta} is ${name}'s`);

    // A section on its own, paged: "1–50 van N" and a next page when there are more.
    await page.goto('/?scope=team&section=in_support');
    const heading = await page.locator('#section-in-support').innerText();
    const total = Number(heading.match(/\(([\d.]+)\)/)[1].replace('.', ''));
    assert.equal(await page.locator('#worklist-results section').count(), 1, 'only that section');
    // The demo's teams hold more than a page of cases in support.
    assert.ok(total > 50, `more than one page: ${total}`);
    assert.match(await page.locator('#worklist-results').innerText(), new RegExp(`1–50 van ${total.toLocaleString('nl-NL')}`));
    await Promise.all([page.waitForURL(/page=2/), page.getByRole('link', { name: 'Volgende pagina' }).click()]);
    assert.match(await page.locator('#worklist-results').innerText(), /51–/);
    await expectAccessible(page, 'one section of the worklist');

    // Assigning a waiting referral to a worker: back on the waiting list with a confirmation.
    await page.goto('/');
    const waiting = await page.locator('main a[href$="/waiting-list"]').first().getAttribute('href');
    await page.goto(waiting);
    await expectAccessible(page, 'waiting list with assignment');
    const select = page.locator('form.bt-assign select').first();
    const chosen = await select.locator('option').nth(1).innerText();
    await select.selectOption({ label: chosen });
    await submitForm(page, page.locator('form.bt-assign').first().getByRole('button', { name: 'Toewijzen' }));
    assert.match(await page.locator('#done').innerText(), /toegewezen/);
    assert.ok(page.url().includes('/waiting-list?done=assigned'), page.url());
  } finally {
    await context.close();
  }
});

test("a team manager reads the team's caseload per worker and reassigns a case from it", async () => {
  for (const width of [1366, 390]) {
    const { context, page } = await newPage(browser, server, { viewport: { width, height: 900 } });
    try {
      await login(page, users.manager1);
      const link = page.locator('main a[href$="/caseload"]').first();
      const href = await link.getAttribute('href');
      await page.goto(href);
      assert.match(await page.locator('h1').innerText(), /^Caseload /);
      const rows = page.locator('#caseload tbody tr');
      assert.ok((await rows.count()) > 2, 'a line per worker and one for nobody');
      await expectNoHorizontalScroll(page, `caseload at ${width} px`);
      await expectAccessible(page, `caseload at ${width} px`);
      await screenshot(page, `caseload-${width}`);
      if (width !== 1366) continue;

      // Open the busiest worker's cases and give the first one to the first worker listed.
      const busiest = page.locator('section.bt-caseload').last();
      const name = await busiest.locator('h3').innerText();
      await busiest.locator('summary').click();
      const form = busiest.locator('form.bt-assign').first();
      const target = await form.locator('option').first().innerText();
      assert.notEqual(target, name, 'the first worker listed has the fewest cases');
      await form.locator('select').selectOption({ label: target });
      await submitForm(page, form.getByRole('button', { name: 'Toewijzen' }));
      assert.ok(page.url().includes('/caseload?done=assigned'), page.url());
      assert.match(await page.locator('#done').innerText(), /toegewezen/);
    } finally {
      await context.close();
    }
  }
});
