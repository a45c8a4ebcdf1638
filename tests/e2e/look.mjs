// Ad-hoc: screenshots of pages for a person to look at (not a test). node tests/e2e/look.mjs
import { startServer } from './server.mjs';
import { launchBrowser, login, newPage, users } from './helpers.mjs';

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const [who, email] of [['worker', users.worker1], ['manager', users.manager1]]) {
    for (const width of [1366, 390]) {
      const { context, page } = await newPage(browser, server, { viewport: { width, height: 1400 } });
      await login(page, email);
      await page.screenshot({ path: `/tmp/shots/worklist-${who}-${width}.png`, fullPage: false });
      if (who === 'manager') {
        const wl = await page.locator('main a[href$="/waiting-list"]').first().getAttribute('href');
        await page.goto(wl);
        await page.screenshot({ path: `/tmp/shots/waiting-${width}.png`, fullPage: false });
        await page.goto('/?section=silent&scope=team');
        await page.screenshot({ path: `/tmp/shots/silent-${width}.png`, fullPage: false });
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
