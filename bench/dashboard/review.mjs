// Signs in through the form as a national authority, then times RUNS requests (after two untimed) of the review queue
// page, a deep page of it, a decision's review page (its preview), and the API's queue and preview: the server's time,
// from navigation (or request) start to the last byte, as Chromium measures it. Prints one line per target, p50 and p90.
// Usage: node review.mjs BASE_URL NAME PASSWORD DECISION_ID RUNS
import { chromium } from 'playwright-core';

const [base, name, password, decision, runs] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--disable-dev-shm-usage'] });
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
try {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(`${base}/signin`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);

  const pages = [
    ['queue page /review (by submitted date)', '/review', '#review-queue'],
    ['queue page sorted by m², page 200', '/review?sort=area&dir=desc&page=200', '#review-queue'],
    ['decision page /review/{id} (preview)', `/review/${decision}`, 'h1'],
  ];
  for (const [label, path, selector] of pages) {
    const times = [];
    for (let i = 0; i < Number(runs) + 2; i++) {
      const response = await page.goto(`${base}${path}`, { waitUntil: 'domcontentloaded' });
      if (response.status() !== 200 || await page.locator(selector).count() === 0) {
        throw new Error(`${path} answered ${response.status()}`);
      }
      if (i >= 2) {
        times.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].responseEnd));
      }
    }
    console.log(`${label.padEnd(44)} p50 ${String(Math.round(pct(times, 0.5))).padStart(5)} ms   p90 ${String(Math.round(pct(times, 0.9))).padStart(5)} ms`);
  }

  const routes = [
    ['GET /api/release-decisions/queue', '/api/release-decisions/queue?limit=50'],
    ['GET /api/release-decisions/queue?sort=area', '/api/release-decisions/queue?sort=area&dir=desc&limit=50'],
    ['GET /api/release-decisions/{id}/preview', `/api/release-decisions/${decision}/preview`],
  ];
  for (const [label, path] of routes) {
    const times = [];
    for (let i = 0; i < Number(runs) + 2; i++) {
      const started = performance.now();
      const response = await page.request.get(`${base}${path}`);
      await response.body();
      if (response.status() !== 200) {
        throw new Error(`${path} answered ${response.status()}`);
      }
      if (i >= 2) {
        times.push(performance.now() - started);
      }
    }
    console.log(`${label.padEnd(44)} p50 ${String(Math.round(pct(times, 0.5))).padStart(5)} ms   p90 ${String(Math.round(pct(times, 0.9))).padStart(5)} ms`);
  }
} finally {
  await browser.close();
}
