// End-to-end test of the notebooks in JupyterLab 4, driven through its own
// interface as a person would: the menus (Run > Run All Cells, File > Save
// Notebook), the keyboard in a cell's editor.
//
// 1. Notebook 02 is run before 01, in a project root with no outputs: its
//    messages must name 01-cleaning and a make target, and nothing panics.
// 2. Each notebook is opened, run with a fresh kernel, and checked once
//    the kernel is idle: every code cell ran; no error output; every image
//    has loaded; every figure holds an image; every table has rows; every
//    plotly plot drew; the browser console logged no error.
// 3. In notebook 03 the K-Means cell (the code cell with `cluster.KMeans{`
//    and a line beginning `k := `) gets `k := N` typed in its editor, for an
//    N other than the k it showed, and is run alone (Ctrl+Enter): its table
//    or text and its figure must change.
// 4. The notebook is saved from the File menu and the saved file, read back
//    through the server's contents API, must hold what the page shows.
// 5. A screenshot of the whole notebook goes to SHOTS.
//
// Usage: node browser-test.mjs BASE_URL TOKEN ROOT SHOTS TIMEOUT_S NOTEBOOK...
// (the server is started and stopped by browser-test, the bash wrapper;
// ROOT is the project root it serves, with the notebooks in ROOT/notebooks).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';

const [base, token, , shots, timeoutS, ...notebooks] = process.argv.slice(2);
if (!notebooks.length) {
  console.error('usage: browser-test.mjs BASE_URL TOKEN ROOT SHOTS TIMEOUT_S NOTEBOOK...');
  process.exit(2);
}
const timeout = Number(timeoutS) * 1000;
mkdirSync(shots, { recursive: true });
const stripAnsi = (s) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
const KMEANS_NOTEBOOK = '03-tests-validation.ipynb';

// In the page: the notebook panel of a path, its code cells, the kernel.
const PAGE_HELPERS = `
window.__panel = (path) => {
  for (const w of window.jupyterapp.shell.widgets('main')) {
    if (w.context && w.context.path === path && w.content && w.content.model) return w;
  }
  return null;
};
window.__kernel = (panel) => {
  const k = panel.sessionContext.session && panel.sessionContext.session.kernel;
  return k && k.connectionStatus === 'connected' ? k : null;
};
window.__kernelIdle = (panel) => { const k = window.__kernel(panel); return !!k && k.status === 'idle'; };
window.__running = (panel) => panel.content.widgets.some((w) => w.model.type === 'code' &&
  /\\*/.test((w.node.querySelector('.jp-InputPrompt') || {}).textContent || ''));
`;

// openNotebook opens a notebook in JupyterLab in a new page and waits until
// its kernel is connected (GoNB reports no status before its first cell). Console errors, page errors and dialogs
// are collected in consoleErrors.
async function openNotebook(context, name) {
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('dialog', (d) => { consoleErrors.push(`unexpected dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  const path = `notebooks/${name}`;
  // A workspace of its own, reset: no tab of an earlier notebook reopens.
  const workspace = name.replace(/\.ipynb$/, '').replace(/[^A-Za-z0-9-]/g, '-');
  await page.goto(`${base}/lab/workspaces/${workspace}/tree/${path}?reset&token=${token}`);
  await page.waitForFunction(() => !!window.jupyterapp, null, { timeout: 120000 });
  await page.evaluate(PAGE_HELPERS);
  await page.waitForFunction((p) => { const w = window.__panel(p); return w && window.__kernel(w); },
    path, { timeout: 120000, polling: 250 });
  const kernel = await page.evaluate((p) => window.__panel(p).sessionContext.session.kernel.name, path);
  return { page, path, consoleErrors, kernel };
}

// menu clicks a menu of the menu bar, then one of its items by command.
async function menu(page, title, command) {
  await page.locator('#jp-MainMenu .lm-MenuBar-item', { hasText: new RegExp(`^${title}$`) }).click();
  await page.locator(`.lm-Menu-item[data-command="${command}"]`).first().click();
}

// runAll uses Run > Run All Cells on the notebook's fresh kernel and waits
// until the first code cell has run, no cell is running or queued and the
// kernel is idle (after an error the rest is not run).
async function runAll(page, path) {
  await menu(page, 'Run', 'runmenu:run-all');
  await page.waitForFunction((p) => {
    const w = window.__panel(p);
    const code = w.content.widgets.filter((c) => c.model.type === 'code');
    const started = code.length > 0 && typeof code[0].model.executionCount === 'number';
    const failed = code.some((c) => c.model.outputs.toJSON().some((o) => o.output_type === 'error'));
    const done = code.every((c) => typeof c.model.executionCount === 'number') || failed;
    return started && done && !window.__running(w) && window.__kernelIdle(w);
  }, path, { timeout, polling: 1000 });
}

// codeCells reads every code cell: its source, count and outputs from the
// model, and what its rendered outputs show from the page.
const codeCells = (page, path) => page.evaluate((p) => window.__panel(p).content.widgets
  .filter((w) => w.model.type === 'code')
  .map((w) => {
    const out = w.node.querySelector('.jp-OutputArea') || document.createElement('div');
    const imgs = [...out.querySelectorAll('img')];
    return {
      source: w.model.sharedModel.getSource(),
      count: w.model.executionCount,
      outputs: w.model.outputs.toJSON(),
      images: imgs.length,
      brokenImages: imgs.filter((i) => !i.complete || i.naturalWidth === 0).length,
      emptyFigures: [...out.querySelectorAll('figure')].filter((f) => !f.querySelector('img, svg, canvas')).length,
      tables: [...out.querySelectorAll('table')].map((t) => t.querySelectorAll('tbody tr').length ||
        Math.max(0, t.querySelectorAll('tr').length - 1)),
      plots: out.querySelectorAll('.js-plotly-plot').length,
      drawnPlots: [...out.querySelectorAll('.js-plotly-plot')].filter((d) => d.querySelector('.main-svg')).length,
      // A step the catalog lacks the columns for ends its cell with a
      // "Skipped:" note instead of its table or figure.
      skipped: [...out.querySelectorAll('blockquote')].map((b) => b.innerText.trim())
        .find((t) => t.startsWith('Skipped:')) || '',
    };
  }), path);

// outputText is every message the code cells printed or raised.
const outputText = (cells) => cells.flatMap((c) => c.outputs)
  .map((o) => [].concat(o.text || [], o.evalue || [], o.traceback || [],
    (o.data && o.data['text/plain']) || [], (o.data && o.data['text/html']) || []).join('\n'))
  .join('\n');

// cellProblems checks what every code cell shows.
function cellProblems(name, cells) {
  const problems = [];
  cells.forEach((c, i) => {
    const where = `${name} code cell ${i + 1}`;
    if (typeof c.count !== 'number') problems.push(`${where} did not run`);
    for (const o of c.outputs) {
      if (o.output_type === 'error') {
        problems.push(`${where} failed: ${o.ename}: ${o.evalue}\n${stripAnsi((o.traceback || []).join('\n'))}`);
      }
      if (o.output_type === 'stream' && o.name === 'stderr') {
        const text = stripAnsi([].concat(o.text).join('')).trim();
        if (text) console.log(`note: ${where} wrote to stderr: ${text.slice(0, 300)}`);
      }
    }
    if (c.skipped) {
      console.log(`note: ${where} ${c.skipped}`);
      return;
    }
    const pngs = c.outputs.filter((o) => o.data && o.data['image/png']).length;
    if (c.brokenImages > 0) problems.push(`${where}: ${c.brokenImages} image(s) did not load`);
    if (c.images < pngs) problems.push(`${where} has ${pngs} figure(s) but shows ${c.images} image(s)`);
    if (c.emptyFigures > 0) problems.push(`${where}: ${c.emptyFigures} figure(s) without an image`);
    c.tables.forEach((rows, t) => { if (rows === 0) problems.push(`${where}: table ${t + 1} has no rows`); });
    if (c.drawnPlots < c.plots) problems.push(`${where}: ${c.plots - c.drawnPlots} plotly plot(s) not drawn`);
    if (/DisplayExplorer\(/.test(c.source) && c.plots === 0) problems.push(`${where} displays the explorer but no plotly plot rendered`);
  });
  return problems;
}

// shown is what a cell shows a reader: its text and tables (images taken
// out) and its figures (PNG outputs and images inside HTML).
function shown(cell) {
  const texts = [];
  const figures = [];
  for (const o of cell.outputs) {
    if (o.output_type === 'stream' && o.name === 'stdout') texts.push([].concat(o.text).join(''));
    const data = o.data || {};
    if (data['image/png']) figures.push([].concat(data['image/png']).join(''));
    for (const mime of ['text/html', 'text/markdown', 'text/plain']) {
      if (!data[mime]) continue;
      let s = [].concat(data[mime]).join('');
      s = s.replace(/data:image\/[a-z+]+;base64,[A-Za-z0-9+/=\s]+/g, (uri) => { figures.push(uri); return 'IMAGE'; });
      texts.push(s);
      break;
    }
  }
  return { text: texts.join('\n'), figures: figures.join('\n') };
}

// editKMeans types `k := N` over the K-Means cell's `k := ` line, runs that
// cell alone and checks that what it shows changed.
async function editKMeans(page, path) {
  const cells = await codeCells(page, path);
  const idx = cells.findIndex((c) => c.source.includes('cluster.KMeans{') && /^\s*k := /m.test(c.source));
  if (idx < 0) {
    return [`${KMEANS_NOTEBOOK} has no K-Means cell to edit and re-run: the test needs a code cell whose source ` +
      'contains `cluster.KMeans{` and a line beginning `k := ` (for example `k := v.Chosen.K`)'];
  }
  const before = shown(cells[idx]);
  if (!before.text && !before.figures) return [`${KMEANS_NOTEBOOK} code cell ${idx + 1} (K-Means) shows nothing to compare`];
  const line = cells[idx].source.match(/^(\s*)k := (.*)$/m);
  const literal = /^\d+\b/.test(line[2]) ? Number(line[2].match(/^\d+/)[0]) : null;
  const tries = literal === 4 ? [3] : literal !== null ? [4] : [4, 3];
  let last = null;
  for (const n of tries) {
    const source = cells[idx].source.replace(/^(\s*)k := .*$/m, `$1k := ${n}`);
    await page.evaluate(({ p, i }) => {
      const code = window.__panel(p).content.widgets.filter((w) => w.model.type === 'code');
      code.forEach((w, j) => { w.node.dataset.songsEdit = j === i ? 'yes' : 'no'; });
    }, { p: path, i: idx });
    const editor = page.locator('.jp-CodeCell[data-songs-edit="yes"] .cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(source);
    const typed = await page.evaluate(({ p, i }) => window.__panel(p).content.widgets
      .filter((w) => w.model.type === 'code')[i].model.sharedModel.getSource(), { p: path, i: idx });
    if (typed !== source) return [`${KMEANS_NOTEBOOK}: typing into the K-Means cell gave\n${typed}\ninstead of\n${source}`];
    const count = cells[idx].count;
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(({ p, i, count }) => {
      const w = window.__panel(p);
      const c = w.content.widgets.filter((x) => x.model.type === 'code')[i];
      return typeof c.model.executionCount === 'number' && c.model.executionCount > count &&
        !window.__running(w) && window.__kernelIdle(w);
    }, { p: path, i: idx, count }, { timeout, polling: 500 });
    const after = (await codeCells(page, path))[idx];
    const problems = cellProblems(`${KMEANS_NOTEBOOK} (k := ${n})`, [after]);
    if (problems.length) return problems;
    const now = shown(after);
    last = { n, now };
    const textChanged = !before.text || now.text !== before.text;
    const figureChanged = !before.figures || now.figures !== before.figures;
    if (textChanged && figureChanged) {
      console.log(`ok   ${KMEANS_NOTEBOOK} code cell ${idx + 1}: \`k := ${line[2].trim()}\` typed over with ` +
        `\`k := ${n}\` and run alone; its ${[before.text && 'text/table', before.figures && 'figure'].filter(Boolean).join(' and ')} changed`);
      return [];
    }
    cells[idx] = after;
  }
  return [`${KMEANS_NOTEBOOK} code cell ${idx + 1}: with k := ${last.n} (and ${tries.join(', ')}) re-run, what it shows ` +
    'did not change (text/table and figure compared)'];
}

// saveAndCheck saves through File > Save Notebook and compares the saved
// file, read back from the server, with the page.
async function saveAndCheck(page, path, name, cells) {
  await menu(page, 'File', 'docmanager:save');
  await page.waitForFunction((p) => !window.__panel(p).context.model.dirty, path, { timeout: 60000 });
  const res = await fetch(`${base}/api/contents/${path}?content=1&token=${token}`);
  if (!res.ok) return [`${name}: reading the saved notebook back failed: HTTP ${res.status}`];
  const saved = (await res.json()).content.cells.filter((c) => c.cell_type === 'code');
  const problems = [];
  if (saved.length !== cells.length) problems.push(`${name}: saved ${saved.length} code cells, the page has ${cells.length}`);
  saved.forEach((c, i) => {
    const p = cells[i];
    if (!p) return;
    const where = `${name} code cell ${i + 1} as saved`;
    if (c.source !== p.source) problems.push(`${where}: its source differs from the page's`);
    if (c.execution_count !== p.count) problems.push(`${where}: execution count ${c.execution_count}, the page shows ${p.count}`);
    if (c.outputs.length !== p.outputs.length) problems.push(`${where}: ${c.outputs.length} outputs, the page has ${p.outputs.length}`);
    if (c.outputs.some((o) => o.output_type === 'error')) problems.push(`${where}: an error output`);
    const pngs = (os) => os.filter((o) => o.data && o.data['image/png']).length;
    if (pngs(c.outputs) !== pngs(p.outputs)) problems.push(`${where}: ${pngs(c.outputs)} figures, the page has ${pngs(p.outputs)}`);
  });
  return problems;
}

// screenshot hides the side bars and photographs the whole notebook: the
// window is made as tall as the notebook (in slices of equal height when it
// is taller than MAX_SHOT pixels).
const MAX_SHOT = 16000;
async function screenshot(page, name) {
  await page.evaluate(() => {
    const shell = window.jupyterapp.shell;
    shell.collapseLeft(); shell.collapseRight();
  });
  const scroller = page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer').first();
  const { height, top } = await scroller.evaluate((el) => ({ height: el.scrollHeight, top: el.getBoundingClientRect().top }));
  const files = [];
  const slices = Math.ceil(height / MAX_SHOT);
  const per = Math.ceil(height / slices); // slices of equal height, none a sliver
  for (let s = 0; s < slices; s++) {
    const h = Math.min(per, height - s * per);
    await page.setViewportSize({ width: 1280, height: Math.ceil(top + h + 40) });
    await scroller.evaluate((el, y) => { el.scrollTop = y; }, s * per);
    await page.waitForTimeout(500);
    const file = join(shots, name.replace(/\.ipynb$/, slices > 1 ? `-${s + 1}.png` : '.png'));
    await page.screenshot({ path: file });
    files.push(file);
  }
  await page.setViewportSize({ width: 1280, height: 1000 });
  return files;
}

// shutdown closes the page and stops the notebook's kernel (through the
// server's sessions API).
async function shutdown(page, path) {
  await page.close();
  const sessions = await (await fetch(`${base}/api/sessions?token=${token}`)).json();
  for (const s of sessions.filter((x) => x.path === path)) {
    await fetch(`${base}/api/sessions/${s.id}?token=${token}`, { method: 'DELETE' });
  }
}

// runOutOfOrder runs a notebook before the one it reads from has run and
// returns the problems: it must stop with a message naming the earlier
// notebook and a make target, not with a Go panic.
async function runOutOfOrder(context, name, before) {
  const { page, path, kernel } = await openNotebook(context, name);
  if (kernel !== 'gonb') return [`${name} opened with kernel ${kernel}, not gonb`];
  await runAll(page, path);
  const text = stripAnsi(outputText(await codeCells(page, path)));
  await shutdown(page, path);
  const problems = [];
  if (!text.includes(before) || !/\bmake\b/.test(text)) {
    problems.push(`${name} run before ${before}: the message does not name ${before} and a make target:\n${text.slice(0, 600)}`);
  }
  if (/panic:|goroutine \d+/.test(text)) problems.push(`${name} run before ${before} panicked:\n${text.slice(0, 600)}`);
  const line = text.split('\n').find((l) => l.includes(before)) || '';
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name} before ${before}: ${line.trim().slice(0, 160)}`);
  return problems;
}

// runNotebook opens one notebook, runs it through the menu, checks it,
// edits notebook 03's K-Means cell, saves, photographs, and returns the
// problems found (empty when it passed).
async function runNotebook(context, name) {
  const started = Date.now();
  const { page, path, consoleErrors, kernel } = await openNotebook(context, name);
  if (kernel !== 'gonb') return [`${name} opened with kernel ${kernel}, not gonb`];
  await runAll(page, path);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let cells = await codeCells(page, path);
  const problems = cellProblems(name, cells);
  if (!problems.length && name === KMEANS_NOTEBOOK) {
    problems.push(...await editKMeans(page, path));
    cells = await codeCells(page, path);
  }
  if (!problems.length) problems.push(...await saveAndCheck(page, path, name, cells));
  for (const e of consoleErrors) problems.push(`${name}: browser console: ${e}`);
  const files = await screenshot(page, name);
  await shutdown(page, path);
  const tally = cells.reduce((t, c) => ({ images: t.images + c.images, rows: t.rows + c.tables.reduce((a, b) => a + b, 0),
    plots: t.plots + c.drawnPlots }), { images: 0, rows: 0, plots: 0 });
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name}: ${cells.length} code cells run in ${seconds} s; ` +
    `${tally.images} images, ${tally.rows} table rows, ${tally.plots} plotly plots; saved and read back; ` +
    `screenshot ${files.join(', ')}`);
  return problems;
}

// failureShot photographs the open page after an exception, for the log.
async function failureShot(context, name) {
  const page = context.pages().at(-1);
  if (!page) return '';
  const file = join(shots, name.replace(/\.ipynb$/, '-failure.png'));
  return page.screenshot({ path: file }).then(() => ` (the page then: ${file})`, () => '');
}

const { context, close } = await launchChromium({ width: 1280, height: 1000 });
let failed = false;
try {
  // Run the second notebook first, as a person might: its error must say
  // to run the first (the server's project root starts empty).
  if (notebooks.length > 1) {
    const problems = await runOutOfOrder(context, notebooks[1], notebooks[0].replace(/\.ipynb$/, ''))
      .catch(async (e) => [`${notebooks[1]} out of order: ${e.message.split('\n')[0]}${await failureShot(context, notebooks[1])}`]);
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
      problems = [`${name}: ${e.message.split('\n')[0]}${await failureShot(context, name)}`];
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
