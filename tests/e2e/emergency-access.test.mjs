// Emergency access in the browser (decision 0023): a family worker of another team breaks the
// glass for a file with a reason, reads it under a read-only banner and finds nothing to change;
// the privacy officer reviews the access. Every page checked with axe, at 1366 and 390 px.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectAccessible, expectFieldError, expectNoHorizontalScroll, login, newFamilyWorker, newPage, screenshot, setUp, submitForm, submitLogin, uniqueName, users } from './helpers.mjs';
import { registerHousehold, registerReferral } from './flows.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

const REASON = 'Crisisdienst belde vannacht: moeder in paniek, kind niet thuisgekomen.';

test('a worker of another team breaks the glass, reads read-only, and the privacy officer reviews it', async () => {
  // A file of the first worker's team.
  const owner = await newPage(browser, server, { viewport: { width: 1366, height: 900 } });
  let caseId;
  try {
    await login(owner.page, users.worker1);
    const household = await registerHousehold(owner.page, { familyName: uniqueName('Şahin') });
    caseId = await registerReferral(owner.page, household);
  } finally {
    await owner.context.close();
  }

  // A worker of a team of her own: the file is not hers to see ...
  const stranger = await newFamilyWorker(server, 'Deniz Öztürk');
  const { context, page } = await newPage(browser, server, { viewport: { width: 1366, height: 900 } });
  try {
    await login(page, stranger.email, { password: stranger.password });
    let response = await page.goto(`/cases/${caseId}`);
    assert.equal(response.status(), 404);
    // ... until she asks for emergency access, from the search page.
    await page.goto('/search');
    await Promise.all([page.waitForURL('**/emergency-access'), page.getByRole('link', { name: 'Noodtoegang vragen' }).click()]);
    assert.equal(await page.locator('h1').innerText(), 'Noodtoegang');
    response = await submitForm(page, 'Noodtoegang vragen');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'case_id', 'Vul dit in');
    await expectFieldError(page, 'reason', 'Vul dit in');
    await expectAccessible(page, 'emergency access form with errors');
    await screenshot(page, 'emergency-request');
    await page.fill('#case_id', String(caseId));
    await page.fill('#reason', 'Crisis');
    response = await submitForm(page, 'Noodtoegang vragen');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'reason', 'minstens 10 tekens');
    await page.fill('#reason', REASON);
    response = await submitForm(page, 'Noodtoegang vragen');
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, `/cases/${caseId}`);

    // The file, with the banner, and not one form that changes anything.
    const banner = page.locator('#emergency-access');
    assert.match(await banner.innerText(), /Noodtoegang tot \d\d:\d\d — alleen lezen/);
    assert.equal(await page.locator(`main form[action^="/cases/${caseId}"]`).count(), 0, 'no form changes the file');
    assert.equal(await page.getByRole('button', { name: /Kennismaking|Afsluiten|Opslaan/ }).count(), 0);
    await expectAccessible(page, 'case file under emergency access');
    await screenshot(page, 'emergency-case-file-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expectNoHorizontalScroll(page, 'case file under emergency access at 390 px');
    await expectAccessible(page, 'case file under emergency access at 390 px');
    await screenshot(page, 'emergency-case-file-390');
    // A change sent anyway is refused.
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue().catch(() => '');
    const post = await page.request.post(`/cases/${caseId}/intake`, { form: { _csrf: csrf, held_on: '2030-01-01' } });
    assert.ok([403, 404].includes(post.status()), `a change under emergency access: ${post.status()}`);
  } finally {
    await context.close();
  }

  // The privacy officer reviews it, at both widths.
  for (const width of [1366, 390]) {
    const { context: ctx, page: officer } = await newPage(browser, server, { viewport: { width, height: 900 } });
    try {
      await officer.goto('/login');
      await submitLogin(officer, users.privacy);
      await officer.goto('/privacy');
      await Promise.all([officer.waitForURL('**/privacy/emergency-access'), officer.getByRole('link', { name: 'Noodtoegang', exact: true }).click()]);
      const card = officer.locator('.bt-review', { hasText: 'Deniz Öztürk' }).first();
      assert.match(await card.innerText(), new RegExp(`nr\\. ${caseId}`));
      assert.match(await card.innerText(), /Crisisdienst belde vannacht/);
      await expectAccessible(officer, `emergency access list at ${width}`);
      await expectNoHorizontalScroll(officer, `emergency access list at ${width}`);
      if (width === 1366) {
        let response = await submitForm(officer, card.getByRole('button', { name: 'Beoordeling opslaan' }));
        assert.equal(response.status(), 422);
        const again = officer.locator('.bt-review', { hasText: 'Deniz Öztürk' }).first();
        assert.match(await again.innerText(), /Vul dit in/);
        await expectAccessible(officer, 'review with errors');
        await again.getByLabel('Terecht', { exact: true }).check();
        await again.getByLabel('Toelichting').fill('Nachtdienst; crisis bevestigd door de teammanager.');
        response = await submitForm(officer, again.getByRole('button', { name: 'Beoordeling opslaan' }));
        assert.equal(response.status(), 200);
        assert.match(await officer.locator('#done').innerText(), /De beoordeling is opgeslagen/);
      }
      const reviewed = officer.locator('.bt-review', { hasText: 'Deniz Öztürk' }).first();
      assert.match(await reviewed.innerText(), /Terecht, door .+: Nachtdienst; crisis bevestigd/);
      await screenshot(officer, `privacy-emergency-access-${width}`);
      await officer.goto('/privacy/unusual-access');
      assert.equal(await officer.locator('h1').innerText(), 'Opvallende inzage');
      assert.match(await officer.locator('main').innerText(), /meer dan 10 verschillende dossiers binnen 15 minuten/);
      await expectAccessible(officer, `unusual access at ${width}`);
      await expectNoHorizontalScroll(officer, `unusual access at ${width}`);
      await screenshot(officer, `privacy-unusual-access-${width}`);
    } finally {
      await ctx.close();
    }
  }
});
