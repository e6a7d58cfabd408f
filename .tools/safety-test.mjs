// Opens reports built from the hostile fixture catalog (hostile-catalog.mjs)
// in headless Chromium and checks that the catalog's text stayed text: no
// dialog fired (also while hovering every point of the interactive
// explorer), no console error was logged, no element the titles spell
// (an <img src=x>, an <svg onload>, a <script> calling alert) exists, and
// every hostile title and album is visible, whole, in one element.
//
// Usage: node safety-test.mjs REPORT.html...
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { HOSTILE_ALBUMS, HOSTILE_TITLES } from './hostile-catalog.mjs';

const reports = process.argv.slice(2);
if (!reports.length) {
  console.error('usage: safety-test.mjs REPORT.html...');
  process.exit(2);
}

// checkReport opens one report and returns its problems and the hostile
// strings it shows.
async function checkReport(context, file) {
  const page = await context.newPage();
  const problems = [];
  page.on('dialog', (d) => { problems.push(`a dialog fired: ${d.type()} "${d.message()}"`); d.dismiss().catch(() => {}); });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught script error: ${e.message}`));
  // The reports are self-contained: any request to the network is a leak.
  page.on('request', (r) => {
    if (!/^(file|data|blob|about):/.test(r.url())) problems.push(`the report fetched ${r.url().slice(0, 120)}`);
  });
  await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
  await page.waitForTimeout(500);

  // Hover every point of every plotly figure: hover labels are HTML too.
  // Hover labels must show the titles as text too.
  const { hovered, hoverShown } = await page.evaluate(async (needles) => {
    const seen = new Set();
    let n = 0;
    if (!window.Plotly) return { hovered: 0, hoverShown: [] };
    for (const gd of document.querySelectorAll('.js-plotly-plot')) {
      for (let c = 0; c < gd.data.length; c++) {
        const points = (gd.data[c].x || []).length;
        for (let p = 0; p < points; p++) {
          Plotly.Fx.hover(gd, [{ curveNumber: c, pointNumber: p }]);
          n++;
          // plotly redraws a hover label at most every 50 ms.
          await new Promise((r) => setTimeout(r, 70));
          const label = gd.querySelector('.hoverlayer');
          const t = label ? label.textContent : '';
          for (const s of needles) if (t.includes(s)) seen.add(s);
        }
      }
      Plotly.Fx.unhover(gd);
    }
    return { hovered: n, hoverShown: [...seen] };
  }, [...HOSTILE_TITLES, ...HOSTILE_ALBUMS]);
  if (hovered > 0) {
    const notHovered = HOSTILE_TITLES.filter((t) => !hoverShown.includes(t));
    if (notHovered.length) problems.push(`no hover label showed these titles as text: ${notHovered.join('  ')}`);
  }
  await page.waitForTimeout(200);

  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"], img[onerror]').length,
    svg: document.querySelectorAll('svg[onload]').length,
    // A title that closed the explorer's script would leave a script
    // element of its own whose whole text is the payload.
    script: [...document.scripts].filter((s) => /^\s*alert\(\d\)\s*$/.test(s.textContent)).length,
    links: [...document.querySelectorAll('a[href]')].filter((a) => /^javascript:/i.test(a.getAttribute('href'))).length,
  }));
  for (const [what, n] of Object.entries(injected)) {
    if (n > 0) problems.push(`${n} injected ${what} element(s) from the catalog's text`);
  }
  // Which hostile strings appear whole inside one visible element.
  const shown = await page.evaluate((needles) => {
    const found = {};
    const els = document.querySelectorAll('td, th, p, li, span, div, caption, text, tspan, h1, h2, h3, strong, em, code');
    for (const el of els) {
      if (!el.offsetParent && el.tagName !== 'text' && el.tagName !== 'tspan') continue;
      const t = el.textContent;
      for (const s of needles) if (!found[s] && t.includes(s)) found[s] = true;
    }
    return Object.keys(found);
  }, [...HOSTILE_TITLES, ...HOSTILE_ALBUMS]);
  await page.close();
  return { problems, shown, hovered, hoverShown };
}

const { context, close } = await launchChromium();
let failed = false;
const seen = new Set();
try {
  for (const file of reports) {
    const { problems, shown, hovered, hoverShown } = await checkReport(context, file);
    shown.forEach((s) => seen.add(s));
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${file}: ${shown.length} hostile strings shown as text` +
      (hovered ? `; ${hovered} explorer points hovered, ${hoverShown.length} hostile strings in their labels` : ''));
    if (problems.length) {
      failed = true;
      console.error(problems.map((p) => `  ${p}`).join('\n'));
    }
  }
} finally {
  await close();
}
// Every title that reaches the reports must be legible somewhere: the
// fixture makes the unchanged hostile titles the most popular songs.
const missing = HOSTILE_TITLES.filter((s) => !seen.has(s));
if (missing.length) {
  failed = true;
  console.error(`FAIL: these titles are not visible as text in any report:\n${missing.map((s) => `  ${s}`).join('\n')}`);
}
process.exit(failed ? 1 : 0);
