// End-to-end test of the notebooks in a live Jupyter server, driven as a
// person would drive them: notebook 02 is run before 01 and must say to run
// 01 first; then each notebook is opened in headless Chromium,
// run with Kernel > Restart & Run All, its last cell edited and run again
// with Cell > Run Cells, and checked once the kernel is idle:
// every code cell ran, no cell has an error output, every figure a cell
// displays is an image, every table has rows and the interactive explorer
// drew its plot. A screenshot of each notebook goes to SHOTS.
//
// Usage: node browser-test.mjs BASE_URL TOKEN SHOTS TIMEOUT_S NOTEBOOK...
// (the server is started and stopped by browser-test, the bash wrapper).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';

const [base, token, shots, timeoutS, ...notebooks] = process.argv.slice(2);
if (!notebooks.length) {
  console.error('usage: browser-test.mjs BASE_URL TOKEN SHOTS TIMEOUT_S NOTEBOOK...');
  process.exit(2);
}
const timeout = Number(timeoutS) * 1000;
mkdirSync(shots, { recursive: true });

const stripAnsi = (s) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

// openNotebook opens a notebook in a new page with autosave off (the run
// must not write outputs into the committed file) and collects the
// browser's errors and dialogs in consoleErrors.
async function openNotebook(context, name) {
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('dialog', (d) => { consoleErrors.push(`unexpected dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  await page.goto(`${base}/notebooks/${encodeURIComponent(name)}?token=${token}`);
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded &&
    Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected(), null, { timeout: 120000 });
  await page.evaluate(() => Jupyter.notebook.set_autosave_interval(0));
  const kernel = await page.evaluate(() => Jupyter.notebook.kernel.name);
  return { page, consoleErrors, kernel };
}

// restartRunAll clicks Kernel > Restart & Run All and waits until the first
// cell has its execution count, no cell is queued or running and the kernel
// is idle (after an error the queued cells are aborted).
async function restartRunAll(page) {
  await page.click('#kernellink');
  await page.click('#restart_run_all > a');
  await page.click('.modal-dialog button.btn-danger');
  await page.waitForFunction(() => {
    const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
    const first = typeof cells[0].input_prompt_number === 'number';
    const running = cells.some((c) => c.element[0].classList.contains('running'));
    const idle = document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
    return first && !running && idle;
  }, null, { timeout, polling: 1000 });
}

// outputText is every message a notebook's code cells printed or raised.
const outputText = (page) => page.evaluate(() => Jupyter.notebook.get_cells()
  .filter((c) => c.cell_type === 'code')
  .flatMap((c) => c.output_area.toJSON())
  .map((o) => [].concat(o.text || [], o.evalue || [], o.traceback || []).join('\n'))
  .join('\n'));

// runOutOfOrder runs a notebook before the one it reads from has run and
// returns the problems: it must stop with a message naming the earlier
// notebook and a make target, not with a Go panic.
async function runOutOfOrder(context, name, before) {
  const { page, kernel } = await openNotebook(context, name);
  if (kernel !== 'gonb') return [`${name} opened with kernel ${kernel}, not gonb`];
  await restartRunAll(page);
  const text = stripAnsi(await outputText(page));
  await page.evaluate(() => Jupyter.notebook.session.delete());
  await page.close();
  const problems = [];
  if (!text.includes(before) || !/\bmake\b/.test(text)) {
    problems.push(`${name} run before ${before}: the message does not name ${before} and a make target:\n${text.slice(0, 600)}`);
  }
  if (/panic:|goroutine \d+/.test(text)) problems.push(`${name} run before ${before} panicked:\n${text.slice(0, 600)}`);
  const line = text.split('\n').find((l) => l.includes(before)) || '';
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name} before ${before}: ${line.trim().slice(0, 160)}`);
  return problems;
}

// runNotebook opens one notebook, runs it through the menu and returns the
// problems found (empty when it passed).
async function runNotebook(context, name) {
  const started = Date.now();
  const { page, consoleErrors, kernel } = await openNotebook(context, name);
  if (kernel !== 'gonb') return [`${name} opened with kernel ${kernel}, not gonb`];
  await restartRunAll(page);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  // Then as a person who edits a cell and runs it again: the last code cell
  // gets a comment line and is run with Cell > Run Cells.
  const rerun = await page.evaluate(() => {
    const nb = Jupyter.notebook;
    const idx = nb.get_cells().map((c, i) => (c.cell_type === 'code' ? i : -1)).filter((i) => i >= 0).pop();
    const cell = nb.get_cell(idx);
    cell.set_text(`${cell.get_text()}\n// edited and run again`);
    nb.select(idx);
    return { idx, before: cell.input_prompt_number };
  });
  await page.click('#celllink');
  await page.click('#run_cell > a');
  await page.waitForFunction(({ idx, before }) => {
    const c = Jupyter.notebook.get_cell(idx);
    return typeof c.input_prompt_number === 'number' && c.input_prompt_number > before &&
      !c.element[0].classList.contains('running') &&
      document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
  }, rerun, { timeout, polling: 500 });

  const cells = await page.evaluate(() => Jupyter.notebook.get_cells()
    .filter((c) => c.cell_type === 'code')
    .map((c) => {
      const el = c.output_area.element[0];
      return {
        source: c.get_text(),
        count: c.input_prompt_number,
        outputs: c.output_area.toJSON(),
        images: el.querySelectorAll('img').length,
        rows: el.querySelectorAll('table tbody tr').length,
        plots: el.querySelectorAll('.js-plotly-plot .main-svg').length,
        // A step the catalog lacks the columns for ends its cell with a
        // "Skipped:" note (songs.Check) instead of its table or figure.
        skipped: [...el.querySelectorAll('blockquote')].map((b) => b.innerText.trim())
          .find((t) => t.startsWith('Skipped:')) || '',
      };
    }));
  const problems = [];
  const tally = { images: 0, rows: 0, plots: 0 };
  cells.forEach((c, i) => {
    const where = `${name} cell ${i + 1}`;
    tally.images += c.images; tally.rows += c.rows; tally.plots += c.plots;
    if (typeof c.count !== 'number') problems.push(`${where} did not run`);
    for (const o of c.outputs) {
      if (o.output_type === 'error') {
        problems.push(`${where} failed: ${o.ename}: ${o.evalue}\n${stripAnsi((o.traceback || []).join('\n'))}`);
      }
    }
    for (const o of c.outputs) {
      if (o.output_type === 'stream' && o.name === 'stderr') {
        const text = stripAnsi([].concat(o.text).join('')).trim();
        if (text) console.log(`note: ${where} wrote to stderr: ${text.slice(0, 300)}`);
      }
    }
    if (c.skipped) {
      console.log(`note: ${where} ${c.skipped}`);
      return;
    }
    const count = (re) => (c.source.match(re) || []).length;
    const figures = count(/report\.DisplayFigure\(/g);
    if (c.images < figures) problems.push(`${where} displays ${figures} figure(s) but shows ${c.images} image(s)`);
    if (count(/report\.Display\(/g) > 0 && c.rows === 0) problems.push(`${where} displays a table but no table row rendered`);
    if (count(/DisplayExplorer\(/g) > 0 && c.plots === 0) problems.push(`${where} displays the explorer but no plotly plot rendered`);
  });
  // The classic UI itself asks for extensions Debian enables but does not
  // ship (jupyter-js-widgets): those load failures are not the notebook's.
  const uiNoise = /Failed to load resource|\/nbextensions\//;
  for (const e of consoleErrors.filter((m) => !uiNoise.test(m))) problems.push(`${name}: browser console: ${e}`);

  // The notebook scrolls inside #site and long outputs scroll inside their
  // cells; let both grow so that the screenshot shows every output whole.
  await page.evaluate(() => Jupyter.notebook.get_cells()
    .forEach((c) => c.output_area && c.output_area.unscroll_area()));
  await page.addStyleTag({ content: 'html, body, #site { height: auto !important; overflow: visible !important; }' +
    ' #header { position: static !important; }' });
  const shot = join(shots, name.replace(/\.ipynb$/, '.png'));
  await page.screenshot({ path: shot, fullPage: true });
  await page.evaluate(() => Jupyter.notebook.session.delete());
  await page.close();
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name}: ${cells.length} code cells in ${seconds} s; ` +
    `${tally.images} images, ${tally.rows} table rows, ${tally.plots} plotly plots; screenshot ${shot}`);
  return problems;
}

const { context, close } = await launchChromium({ width: 1280, height: 1000 });
let failed = false;
try {
  // Run the second notebook first, as a person might: its error must say
  // to run the first (the server's project root starts empty).
  if (notebooks.length > 1) {
    const problems = await runOutOfOrder(context, notebooks[1], notebooks[0].replace(/\.ipynb$/, ''))
      .catch((e) => [`${notebooks[1]} out of order: ${e.message.split('\n')[0]}`]);
    if (problems.length) {
      failed = true;
      console.error(problems.join('\n'));
    }
  }
  for (const name of failed ? [] : notebooks) {
    let problems;
    try {
      problems = await runNotebook(context, name);
    } catch (e) {
      problems = [`${name}: ${e.message.split('\n')[0]}`];
    }
    if (problems.length) {
      failed = true;
      console.error(problems.join('\n'));
      break; // the next notebook reads this one's files
    }
  }
} finally {
  await close();
}
process.exit(failed ? 1 : 0);
