// A family worker takes a case from referral to closure through the pages.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { expectAccessible, expectFieldError, isoDate, launchBrowser, login, newFamilyWorker, newPage, submitForm, setUp } from './helpers.mjs';
import { registerHousehold, registerReferral, statusBadge } from './flows.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

const OPEN_SECTIONS = ['#section-referred', '#section-intake-held', '#section-in-support'];

/** The section of the worklist (its <section>) that links to the case, or null. */
async function worklistSectionOf(page, caseId) {
  const link = page.locator(`#worklist-results a[href="/cases/${caseId}"]`);
  if ((await link.count()) === 0) return null;
  return link.first().evaluate((a) => a.closest('section')?.querySelector('h2')?.id ?? null);
}

test('a family worker takes a case from referral to closure', async () => {
  const { context, page } = await newPage(browser, server);
  try {
    // A worker in a new team, so that the whole of their worklist is on one page.
    const worker = await newFamilyWorker(server);
    await login(page, worker.email, { password: worker.password });
    const household = await registerHousehold(page);

    // The referral form lists both members as possible clients.
    await assert.doesNotReject(page.getByLabel(new RegExp(`^${household.parent} ${household.familyName}`)).waitFor());
    const caseId = await registerReferral(page, household);

    // Referred: the status and the working-day countdown to the intake.
    assert.equal(await page.locator('#done').innerText(), 'Aanmelding opgeslagen.');
    assert.equal(await statusBadge(page).innerText(), 'Fase: Aangemeld');
    const deadline = await page.locator('.utrecht-status-badge', { hasText: /Kennismaking uiterlijk/ }).innerText();
    assert.match(deadline, /^Kennismaking uiterlijk \d{1,2} \w+ \d{4}: (nog \d+ werkdagen?|vandaag)$/);
    assert.match(await page.locator('h1').innerText(), new RegExp(`${household.child} ${household.familyName}`));
    await assert.doesNotReject(page.locator('.bt-timeline__item', { hasText: 'Aangemeld' }).waitFor());
    const facts = page.locator('.bt-facts');
    assert.match(await facts.innerText(), /School \/ kernpartner/);
    assert.match(await facts.innerText(), /Opvoeding/);
    // The parent's phone number, written the Dutch way, calls with one tap.
    assert.equal(await page.locator('a[href="tel:+31612345678"]').innerText(), '06 12345678');
    // A new number: changed on the file, first refused when it is no number.
    const reach = page.locator('details', { has: page.locator('summary', { hasText: `${household.parent} ${household.familyName}` }) });
    await reach.locator('summary').click();
    const phone = reach.locator('input[name="phone"]');
    assert.equal(await phone.inputValue(), '+31612345678', 'the form holds the current number');
    await phone.fill('06-1234');
    let saved = await submitForm(page, reach.getByRole('button', { name: 'Opslaan' }));
    assert.equal(saved.status(), 422);
    await expectFieldError(page, await page.locator('details[open] input[name="phone"]').getAttribute('id'), /^Dit is geen telefoonnummer/);
    await page.locator('details[open] input[name="phone"]').fill('06-87654321');
    saved = await submitForm(page, page.locator('details[open]').getByRole('button', { name: 'Opslaan' }));
    assert.equal(await page.locator('#done').innerText(), 'Telefoon en e-mail opgeslagen.');
    assert.equal(await page.locator('a[href="tel:+31687654321"]').innerText(), '06 87654321');
    await expectAccessible(page, 'case file, referred');

    // The new referral is on the worker's worklist among the new referrals: their only case.
    await page.goto(`/?scope=mine&status=referred`);
    assert.equal(await page.locator('#section-referred .bt-count').innerText(), '(1)');
    assert.equal(await worklistSectionOf(page, caseId), 'section-referred', 'the new referral is on the worklist');

    // Intake.
    await page.goto(`/cases/${caseId}`);
    const intake = page.locator('form[action$="/intake"]');
    assert.equal(await intake.locator('#worker_id').inputValue(), String((await (await page.request.get('/api/v1/auth/me')).json()).id), 'the intake worker defaults to me');
    let response = await submitForm(page, 'Kennismaking opslaan');
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, `/cases/${caseId}`);
    assert.equal(await page.locator('#done').innerText(), 'Kennismakingsgesprek opgeslagen.');
    assert.equal(await statusBadge(page).innerText(), 'Fase: Kennismaking gehouden');
    await assert.doesNotReject(page.locator('.bt-timeline__item', { hasText: 'Kennismakingsgesprek' }).waitFor());
    assert.equal(await page.locator('form[action$="/intake"]').count(), 0, 'the intake form is gone');
    assert.match(await page.locator('.utrecht-status-badge', { hasText: /Start ondersteuning uiterlijk/ }).innerText(), /(nog \d+ dagen?|vandaag)$/);
    await expectAccessible(page, 'case file, intake held');

    // Correcting the intake to a day before the referral: refused beside the field, in Dutch.
    await page.getByText('Een datum verbeteren').click();
    await page.fill('#correct-intake_held_on', isoDate(-1));
    await page.fill('#correct-reason', 'Typfout');
    response = await submitForm(page, 'Correctie opslaan');
    assert.equal(response.status(), 422);
    await expectFieldError(page, 'correct-intake_held_on', /^Deze datum ligt vóór de aanmelding/);
    await expectAccessible(page, 'case file, a refused correction');

    // Start of support.
    response = await submitForm(page, 'Start opslaan');
    assert.equal(response.status(), 200);
    assert.equal(await statusBadge(page).innerText(), 'Fase: In ondersteuning');
    await assert.doesNotReject(page.locator('.bt-timeline__item', { hasText: 'Ondersteuning gestart' }).waitFor());

    // A contact, which appears in the timeline.
    const contact = page.locator('form[action$="/contacts"]');
    await contact.locator('#contact-form').selectOption('phone');
    await contact.locator('#contact-minutes').fill('45');
    await contact.getByLabel(`${household.parent} ${household.familyName}`, { exact: true }).check();
    await contact.locator('#contact-other_participants').fill('Mentor van school');
    await contact.locator('#contact-summary').fill('Moeder maakt zich zorgen over het verzuim; afspraak met de mentor gemaakt.');
    response = await submitForm(page, 'Contact opslaan');
    assert.equal(response.status(), 200);
    const contactItem = page.locator('.bt-timeline__item', { hasText: 'Contact: Telefonisch' });
    assert.equal(await contactItem.count(), 1, 'the contact is in the timeline once');
    const contactText = await contactItem.innerText();
    assert.match(contactText, /45 min\./);
    assert.match(contactText, new RegExp(household.parent));
    assert.match(contactText, /Mentor van school/);
    assert.match(contactText, /afspraak met de mentor gemaakt/, 'the summary is on the timeline');
    // The browser landed on a GET: a reload says the same and saves nothing twice.
    assert.equal(await page.locator('#done').innerText(), 'Contactmoment opgeslagen.');
    const reloaded = await page.reload();
    assert.equal(reloaded.request().method(), 'GET');
    assert.equal(await page.locator('.bt-timeline__item', { hasText: 'Contact: Telefonisch' }).count(), 1, 'still one contact after a reload');

    // The contact took 50 minutes, not 45: corrected with a reason, the old value kept.
    await page.getByText('Een contactmoment verbeteren').click();
    await page.selectOption('#correct-contact-contact_id', { index: 1 });
    await page.fill('#correct-contact-minutes', '50');
    await page.fill('#correct-contact-reason', 'Het gesprek liep uit');
    response = await submitForm(page, 'Correctie opslaan');
    assert.equal(response.status(), 200);
    assert.equal(await page.locator('#done').innerText(), 'Correctie van het contactmoment opgeslagen.');
    const corrected = page.locator('.bt-timeline__item', { hasText: 'Gecorrigeerd: contactmoment' });
    assert.match(await corrected.innerText(), /50 min\. \(was 45 min\.\)[\s\S]*Het gesprek liep uit/);
    assert.match(await page.locator('.bt-timeline__item', { hasText: 'Contact: Telefonisch' }).innerText(), /50 min\./, 'the form stays a phone call');
    await expectAccessible(page, 'case file, in support');

    // In support: the case is on the worker's worklist, most recently active first.
    await page.goto('/?scope=mine&status=in_support');
    assert.equal(await worklistSectionOf(page, caseId), 'section-in-support', 'the case is listed as in support');

    // Closure with reason and detail.
    await page.goto(`/cases/${caseId}`);
    const close = page.locator('form[action$="/close"]');
    await close.locator('#reason').selectOption('result_achieved');
    await close.locator('#reason_detail').selectOption('goals_achieved');
    await close.locator('#summary').fill('Bram gaat weer met plezier naar school.');
    response = await submitForm(page, 'Dossier afsluiten');
    assert.equal(response.status(), 200);
    assert.equal(await statusBadge(page).innerText(), 'Fase: Afgesloten');
    assert.match(await facts.innerText(), /Afgesloten\s+.*Passend resultaat: Doelen bereikt/);
    await assert.doesNotReject(page.locator('.bt-timeline__item', { hasText: 'Bram gaat weer met plezier naar school.' }).waitFor());
    assert.equal(await page.locator('form[action^="/cases/"]:not([action$="corrections"]):not([action$="member-reach"])').count(), 0, 'a closed case has no more steps, only corrections');
    await expectAccessible(page, 'case file, closed');

    // No longer in the worklist's open sections, in any filter.
    for (const url of ['/', '/?scope=mine&status=in_support', '/?scope=team', '/?scope=team&status=in_support']) {
      await page.goto(url);
      for (const section of OPEN_SECTIONS) {
        const heading = page.locator(`${section}`);
        if ((await heading.count()) === 0) continue;
        const links = page.locator(`section:has(${section}) a[href="/cases/${caseId}"]`);
        assert.equal(await links.count(), 0, `closed case ${caseId} is not in ${section} of ${url}`);
      }
    }
  } finally {
    await context.close();
  }
});
