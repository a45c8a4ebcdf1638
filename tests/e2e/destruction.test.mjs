// Retention and destruction in the browser (decision 0024): a family worker registers a
// family's written request from the case file; the privacy officer finds it on the worklist
// (overdue marked), decides it (a refusal needs its ground; granting in part needs the day a
// copy was offered), places a legal hold on the file and lifts it. The officer sees file
// numbers, relations, ages and dates, never a name. Every page checked with axe, at 1366 and
// 390 px.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectAccessible, expectFieldError, expectNoHorizontalScroll, isoDate, login, logout, newPage, screenshot, setUp, submitForm, uniqueName, users } from './helpers.mjs';
import { registerHousehold, registerReferral } from './flows.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

const FAMILY = uniqueName('Vernietiging');

test('a worker registers a request for destruction and the privacy officer decides it', async () => {
  const { context, page } = await newPage(browser, server, { viewport: { width: 1366, height: 900 } });
  let caseId;
  try {
    await login(page, users.worker1);
    const household = await registerHousehold(page, { familyName: FAMILY, parent: 'Şenay', child: 'Bram' });
    caseId = await registerReferral(page, household);

    // From the case file: the link, then the form (the parent asks).
    await page.goto(`/cases/${caseId}`);
    await Promise.all([page.waitForURL(/\/destruction-request$/), page.getByRole('link', { name: 'Verzoek om vernietiging registreren' }).click()]);
    assert.equal(await page.locator('#received_on').inputValue(), isoDate(0), 'received today by default');
    let response = await submitForm(page, 'Verzoek registreren');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'requested_by_person_id', 'Vul dit in');
    await expectAccessible(page, 'request form with errors');
    await screenshot(page, 'destruction-request-form');
    await page.selectOption('#requested_by_person_id', { label: `Şenay ${FAMILY} (Ouder)` });
    // Received four months ago: the answer is overdue.
    await page.fill('#received_on', isoDate(-125));
    await page.getByLabel('Een deel: werkaantekeningen', { exact: false }).check();
    response = await submitForm(page, 'Verzoek registreren');
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, `/cases/${caseId}`);
    assert.match(await page.locator('#done').innerText(), /verzoek om vernietiging is geregistreerd/);
    await logout(page);
  } finally {
    await context.close();
  }

  for (const width of [1366, 390]) {
    const { context: ctx, page: officer } = await newPage(browser, server, { viewport: { width, height: 900 } });
    try {
      await login(officer, users.privacy, { expectPath: '/privacy' });
      await Promise.all([officer.waitForURL('**/privacy/destruction'), officer.getByRole('link', { name: 'Bewaren en vernietigen' }).click()]);
      const card = officer.locator('li.bt-card', { hasText: `Dossier ${caseId}` }).first();
      if (width === 1366) {
        const text = await card.innerText();
        assert.match(text, /Te laat/, 'overdue is marked');
        assert.match(text, /Ouder met gezag, \d+ jaar/);
        assert.doesNotMatch(text, new RegExp(FAMILY), 'no names on the worklist');
        await expectAccessible(officer, 'destruction worklist');
        await screenshot(officer, 'destruction-worklist');
        // A refusal without its ground is shown again beside the request.
        await card.getByLabel('Afwijzen', { exact: true }).check();
        let response = await submitForm(officer, card.getByRole('button', { name: 'Besluit opslaan' }));
        assert.equal(response.status(), 422);
        const again = officer.locator('li.bt-card', { hasText: `Dossier ${caseId}` }).first();
        const id = await again.getAttribute('id');
        const requestId = id.replace('request-', '');
        await expectFieldError(officer, `r${requestId}-refusal_ground`, 'Vul dit in');
        await expectAccessible(officer, 'decision with errors');
        // Granted in part, after offering a copy.
        await again.getByLabel('Deels toewijzen', { exact: true }).check();
        await again.getByLabel('Kopie aangeboden op').fill(isoDate(0));
        response = await submitForm(officer, again.getByRole('button', { name: 'Besluit opslaan' }));
        assert.equal(response.status(), 200);
        assert.match(await officer.locator('#done').innerText(), /besluit is opgeslagen/);
        assert.match(await officer.locator('main').innerText(), new RegExp(`Dossier ${caseId}: Deels toegewezen`));

        // A legal hold on the file, then lifted.
        await officer.fill('#hold-case_id', String(caseId));
        await officer.fill('#hold-reason', 'Klacht in behandeling');
        response = await submitForm(officer, 'Bewaarplicht instellen');
        assert.equal(response.status(), 200);
        assert.match(await officer.locator('#done').innerText(), /bewaarplicht is ingesteld/);
        await expectAccessible(officer, 'worklist with a hold');
        await screenshot(officer, 'destruction-holds');
        response = await submitForm(officer, officer.getByRole('button', { name: `Bewaarplicht opheffen voor Dossier ${caseId}` }));
        assert.equal(response.status(), 200);
        assert.match(await officer.locator('#done').innerText(), /bewaarplicht is opgeheven/);
      } else {
        await expectNoHorizontalScroll(officer, 'destruction worklist at 390 px');
        await expectAccessible(officer, 'destruction worklist at 390 px');
        await screenshot(officer, 'destruction-worklist-390');
      }
    } finally {
      await ctx.close();
    }
  }
});
