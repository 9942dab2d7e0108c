// Signs in through the form, then opens the regional dashboard RUNS times (after one warm-up) and prints, per run,
// the milliseconds from navigation start to the figures filled (the page's HTML received: they are rendered on the
// server) and to the map drawn (painted: the map is an SVG the server draws; the page's module notes performance.now()
// in the second animation frame after it is in the DOM), as the page's own clock measures them.
// Usage: node measure.mjs BASE_URL NAME PASSWORD YEAR RUNS
import { chromium } from 'playwright-core';

const [base, name, password, year, runs] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${base}/signin`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);

  const results = [];
  for (let i = 0; i <= Number(runs); i++) {
    await page.goto(`${base}/regional?year=${year}`);
    await page.waitForSelector('#regional-map[data-state="drawn"]', { timeout: 60_000 });
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      const filled = document.querySelectorAll('#regional-map a.state').length === 10
        && [...document.querySelectorAll('#states-table tbody tr')].length === 11
        && document.querySelector('.tile[data-figure="countriesReporting"] .tile-value').textContent.includes('of 10');
      return { figures: Math.round(navigation.responseEnd), map: Number(document.getElementById('regional-map').dataset.drawnAt), filled };
    });
    if (!timing.filled) {
      throw new Error('the figures were not filled');
    }
    results.push({ run: i === 0 ? 'cold' : `warm ${i}`, ...timing });
  }
  console.log(JSON.stringify(results));
} finally {
  await browser.close();
}
