// What the worklist and the family file cost a browser (issue 21): the bytes transferred and
// the time to first paint, read from Chromium's own performance timing (Navigation and Resource
// Timing, Paint Timing), once as browsers ask (gzip) and once as a client that asks for no
// compression (`Accept-Encoding: identity`, how every page went before decision 0038). The
// figures go to tests/e2e/artifacts/page-weight.json; bench/RESULTS.md shows them. Asserted:
// what a user on a slow line gets from compression and caching, never a time.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS, login, newPage, setUp, users } from './helpers.mjs';

let server;
let browser;
setUp((s, b) => {
  server = s;
  browser = b;
});

/** Chromium's timing of the page now shown: the document, its requests, the first paint. */
async function timing(page) {
  // The paint entry is queued just after the load: wait for it rather than read too early.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation');
    const resources = performance.getEntriesByType('resource').map((r) => ({
      name: new URL(r.name).pathname,
      transferred: r.transferSize,
      encoded: r.encodedBodySize,
      decoded: r.decodedBodySize,
      blocking: r.renderBlockingStatus,
    }));
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      document: { transferred: nav.transferSize, encoded: nav.encodedBodySize, decoded: nav.decodedBodySize },
      resources,
      total_transferred: nav.transferSize + resources.reduce((n, r) => n + r.transferred, 0),
      first_contentful_paint_ms: Math.round(fcp.startTime),
      dom_content_loaded_ms: Math.round(nav.domContentLoadedEventEnd),
    };
  });
}

/**
 * Opens the worklist and a family file twice each: cold (Chromium's cache switched off, as on
 * a first visit) and warm (the assets cached by the pages before). With `identity`, every
 * request asks for no compression.
 */
async function visit(identity) {
  const { context, page } = await newPage(browser, server, { viewport: { width: 1366, height: 900 } });
  try {
    if (identity) await context.setExtraHTTPHeaders({ 'Accept-Encoding': 'identity' });
    await login(page, users.manager1);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const cold = async (path) => {
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await page.goto(path);
      const t = await timing(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
      return t;
    };
    const warm = async (path) => {
      await page.goto(path);
      return timing(page);
    };
    const out = {};
    out.worklist_cold = await cold('/');
    out.worklist_warm = await warm('/');
    const href = await page.locator('#worklist-results a[href^="/cases/"]').first().getAttribute('href');
    assert.ok(href, 'the worklist links a family file');
    out.file_warm = await warm(href);
    // Another page in between: straight after itself, Chromium keeps the file's timing entries.
    await page.goto('/');
    out.file_cold = await cold(href);
    return out;
  } finally {
    await context.close();
  }
}

test('the worklist and the family file come compressed, their assets once, and nothing blocks the first paint but the styles', async () => {
  const gzip = await visit(false);
  const identity = await visit(true);
  writeFileSync(join(ARTIFACTS, 'page-weight.json'), JSON.stringify({ gzip, identity }, null, 2));

  for (const view of ['worklist_cold', 'file_cold']) {
    const g = gzip[view];
    const i = identity[view];
    // The page itself: compressed on the wire, the same page once unpacked.
    assert.ok(g.document.encoded * 2 < g.document.decoded, `${view}: the HTML is compressed (${g.document.encoded} of ${g.document.decoded} bytes)`);
    assert.equal(i.document.encoded, i.document.decoded, `${view}: asked for identity, sent as is`);
    // The whole visit with an empty cache: compression at least halves what goes over the line.
    assert.ok(g.total_transferred * 2 < i.total_transferred, `${view}: ${g.total_transferred} bytes compressed against ${i.total_transferred}`);
    // Only the style sheets hold up the first paint; the script is deferred.
    const blocking = g.resources.filter((r) => r.blocking === 'blocking').map((r) => r.name);
    assert.ok(blocking.every((n) => n.endsWith('.css')), `${view}: render-blocking ${blocking.join(', ')}`);
  }
  for (const view of ['worklist_warm', 'file_warm']) {
    // Content-hashed assets marked immutable: a later page fetches none of them again, and
    // there is no icon to ask for: only the page itself goes over the line.
    const fetched = gzip[view].resources.filter((r) => r.transferred > 0);
    assert.deepEqual(fetched.map((r) => r.name), [], `${view}: assets come from the cache`);
  }
});
