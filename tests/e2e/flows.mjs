// Steps through the pages that several tests share: registering a household and a referral.

import assert from 'node:assert/strict';
import { isoDate, submitForm, uniqueName, validBsn } from './helpers.mjs';

let households = 0;

/**
 * Registers a new household (a parent and a child) through /referrals/new -> /households/new.
 * Returns the names used and the household id from the URL of the referral form it ends on.
 */
export async function registerHousehold(page, { familyName = uniqueName('Testfamilie'), parent = 'Annelies', child = 'Bram' } = {}) {
  households += 1;
  await page.goto('/referrals/new');
  await Promise.all([page.waitForURL('**/households/new'), page.getByRole('link', { name: 'Nieuw huishouden registreren' }).click()]);
  await page.fill('#address-street', 'Vredenburg');
  // The house number in its BAG parts: number, letter (every other household) and addition.
  await page.fill('#address-house_number', String(10 + households));
  if (households % 2 === 0) await page.fill('#address-house_letter', 'a');
  await page.fill('#address-postcode', '3511 BA');
  await page.fill('#address-city', 'Utrecht');
  await page.selectOption('#district_id', { index: 1 });
  await page.fill('#members-0-given_name', parent);
  await page.fill('#members-0-family_name', familyName);
  await page.fill('#members-0-birth_date', '1986-03-14');
  await page.selectOption('#members-0-role', 'parent');
  await page.fill('#members-0-bsn', validBsn(households + Math.floor(Math.random() * 1000)));
  await page.fill('#members-0-phone', '06-12345678');
  await page.fill('#members-1-given_name', child);
  await page.fill('#members-1-family_name', familyName);
  await page.fill('#members-1-birth_date', '2014-09-02');
  await page.selectOption('#members-1-role', 'child');
  let response = await submitForm(page, 'Huishouden opslaan');
  if (response.status() === 409) {
    // A random BSN of an earlier household of this run: the form warns that this household may
    // exist already; these are different families, so save it anyway.
    assert.ok(await page.getByRole('heading', { name: 'Mogelijk bestaat dit huishouden al' }).isVisible());
    response = await submitForm(page, 'Toch een nieuw huishouden opslaan');
  }
  assert.equal(response.status(), 200, 'the referral form follows the saved household');
  const url = new URL(page.url());
  assert.equal(url.pathname, '/referrals/new');
  const householdId = Number(url.searchParams.get('household_id'));
  assert.ok(householdId > 0, `household id in ${page.url()}`);
  return { familyName, parent, child, householdId };
}

/**
 * Fills in and saves the referral form for the household on screen: the child as client,
 * school as source, parenting as life domain. Ends on the case file; returns its id.
 */
export async function registerReferral(page, household, { request = 'Zorgen over de ontwikkeling van Bram op school.' } = {}) {
  await page.getByLabel(new RegExp(`^${household.child} ${household.familyName}`)).check();
  if ((await page.locator('#team_id').inputValue()) === '') await page.selectOption('#team_id', { index: 1 });
  assert.equal(await page.locator('#referred_on').inputValue(), isoDate(0), 'the referral date defaults to today');
  await page.selectOption('#source', 'school');
  await page.fill('#request', request);
  await page.getByLabel('Opvoeding', { exact: true }).check();
  const response = await submitForm(page, 'Aanmelding opslaan');
  assert.equal(response.status(), 200);
  const m = new URL(page.url()).pathname.match(/^\/cases\/(\d+)$/);
  assert.ok(m, `ends on a case file, not ${page.url()}`);
  return Number(m[1]);
}

/** The status badge of the case file on screen ("Fase: …"). */
export function statusBadge(page) {
  return page.locator('.utrecht-status-badge', { hasText: /^Fase: / });
}
