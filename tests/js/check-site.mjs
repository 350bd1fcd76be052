#!/usr/bin/env node
// Checks a generated static site (planpress's output/site/).
//
//   node tests/js/check-site.mjs <site-dir> [--screenshots <out-dir>] [--jobs N]
//
// 1. W3C Nu HTML Checker (vnu-jar, needs `java` >= 11) over every .html file.
// 2. axe-core (WCAG 2.0/2.1 A and AA) on every page, in Debian's headless
//    /usr/bin/chromium driven by playwright-core, with the site served from a
//    built-in HTTP server on 127.0.0.1. Requests the page makes anywhere else
//    are aborted and counted as broken links; resources the page loads from the
//    site that answer 404 are counted too.
// 3. Internal links: href on a/link/area, src on img/script/iframe/source/
//    audio/video/embed/track, srcset on img/source, poster on video must name an
//    existing file; "page.html#frag" must name an id in page.html.
// 4. Width: every page at 390 px wide must be no wider than the screen, by
//    document.documentElement.scrollWidth and by every element's right edge
//    (an element scrolled inside a box counts too).
// 5. Charts (svg.chart), at 1280 and at 390 px: every text at least 12 px
//    as drawn (the SVG's scale times its font size), and no two texts of a
//    chart overlapping (their boxes as the browser measured them).
// 6. With --screenshots DIR: full-page PNGs of index.html, the first section
//    page and goals.html at widths 1280 and 390 (index-1280.png, ...).
//
// The last line of stdout is one JSON object:
//   {"pages":N,"vnu_errors":N,"axe_violations":N,"broken_links":N}
// axe_violations counts (page, rule) pairs; the report lists every node.
// Exit code: 0 only if pages > 0 and all three counts are 0; 1 if the site
// has problems; 2 if the harness itself could not run.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const T0 = performance.now();

const CHROMIUM = process.env.PLANPRESS_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox', // we run as root in CI
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium keeps calling Google's hosts, which this
  // network refuses (many connections at a time) and which slows start-up.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Belt and braces for "no network": no host name but the loopback ones
  // resolves, so even a preconnect or DNS prefetch, which page.route does
  // not see, cannot leave the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PHONE = { width: 390, height: 844 };
const SCREENSHOT_WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

// ---------------------------------------------------------------- arguments
function usage(msg) {
  if (msg) console.error(`check-site: ${msg}`);
  console.error('usage: node tests/js/check-site.mjs <site-dir> [--screenshots <out-dir>] [--jobs N] [--search QUERY=TITLE ...]');
  process.exit(2);
}

const argv = process.argv.slice(2);
let siteDir = null;
let shotDir = null;
let jobs = 2;
// --search "øget=Some title": typing the query into the site's search page
// must list a result with that title.
const searches = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--search') {
    const spec = argv[++i] ?? usage('--search needs QUERY=TITLE');
    const at = spec.indexOf('=');
    if (at < 1) usage('--search needs QUERY=TITLE');
    searches.push({ query: spec.slice(0, at), title: spec.slice(at + 1) });
  } else if (a === '--screenshots') {
    shotDir = argv[++i] ?? usage('--screenshots needs a directory');
  } else if (a.startsWith('--screenshots=')) {
    shotDir = a.slice('--screenshots='.length);
  } else if (a === '--jobs') {
    jobs = Number(argv[++i]);
  } else if (a === '-h' || a === '--help') {
    usage();
  } else if (a.startsWith('-')) {
    usage(`unknown option ${a}`);
  } else if (siteDir === null) {
    siteDir = a;
  } else {
    usage(`unexpected argument ${a}`);
  }
}
if (!siteDir) usage('missing <site-dir>');
if (!Number.isInteger(jobs) || jobs < 1) usage('--jobs must be a positive integer');
siteDir = path.resolve(siteDir);
if (!fs.existsSync(siteDir) || !fs.statSync(siteDir).isDirectory()) usage(`not a directory: ${siteDir}`);
if (shotDir) shotDir = path.resolve(shotDir);

// ---------------------------------------------------------------- helpers
const toPosix = (p) => p.split(path.sep).join('/');

function listFiles(dir) {
  const out = [];
  const walk = (abs, rel) => {
    for (const ent of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      if (ent.isDirectory()) walk(path.join(abs, ent.name), r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out;
}

function byDepthThenName(a, b) {
  const da = a.split('/').length;
  const db = b.split('/').length;
  return da - db || (a < b ? -1 : a > b ? 1 : 0);
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function parseAttrs(s) {
  const attrs = {};
  const re = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let m;
  while ((m = re.exec(s))) {
    const name = m[1].toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

// Markup with comments and the bodies of script/style removed, so that
// text inside them is not taken for tags.
function stripNonMarkup(html) {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<script\b[^>]*>)[\s\S]*?(<\/script\s*>)/gi, '$1$2')
    .replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2');
}

const LINK_ATTRS = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  source: ['src', 'srcset'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
};

function extractRefs(html) {
  const refs = [];
  const re = /<(a|area|link|img|script|iframe|source|audio|video|track|embed)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
  let m;
  while ((m = re.exec(html))) {
    const tag = m[1].toLowerCase();
    const attrs = parseAttrs(m[2]);
    for (const attr of LINK_ATTRS[tag]) {
      if (!(attr in attrs)) continue;
      const v = attrs[attr].trim();
      if (attr === 'srcset') {
        for (const cand of v.split(',')) {
          const url = cand.trim().split(/\s+/)[0];
          if (url) refs.push({ tag, attr, value: url });
        }
      } else {
        refs.push({ tag, attr, value: v });
      }
    }
  }
  return refs;
}

function extractIds(html) {
  const ids = new Set();
  const re = /\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
  let m;
  while ((m = re.exec(html))) ids.add(decodeEntities(m[1] ?? m[2] ?? m[3]));
  // <a name="x"> is also a fragment target in browsers.
  const reName = /<a\b[^>]*\sname\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
  while ((m = reName.exec(html))) ids.add(decodeEntities(m[1] ?? m[2] ?? m[3]));
  return ids;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i; // any scheme, or protocol-relative

// Resolves a site path (posix, relative to site root) to the file it serves,
// or null. A directory serves its index.html.
function resolveSitePath(rel, fileSet, dirSet) {
  const clean = rel.replace(/\/+$/, '');
  if (rel === '' || rel.endsWith('/') || dirSet.has(clean)) {
    const idx = clean ? `${clean}/index.html` : 'index.html';
    return fileSet.has(idx) ? idx : null;
  }
  return fileSet.has(clean) ? clean : null;
}

// ---------------------------------------------------------------- vnu
function runVnu(files) {
  return new Promise((resolve) => {
    if (files.length === 0) return resolve({ errors: [], fatal: null });
    let jar;
    try {
      jar = String(require('vnu-jar'));
    } catch (e) {
      return resolve({ errors: [], fatal: `cannot load vnu-jar: ${e.message}` });
    }
    const args = ['-jar', jar, '--errors-only', '--format', 'json', ...files.map((f) => path.join(siteDir, f))];
    const child = spawn(process.env.JAVA || 'java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => resolve({ errors: [], fatal: `cannot run java: ${e.message}` }));
    child.on('close', (code) => {
      // vnu writes its JSON report to stderr and exits 1 when it found errors.
      const text = `${err}\n${out}`;
      const start = text.indexOf('{"');
      let report = null;
      if (start >= 0) {
        const end = text.lastIndexOf('}');
        try {
          report = JSON.parse(text.slice(start, end + 1));
        } catch {
          report = null;
        }
      }
      if (!report || !Array.isArray(report.messages)) {
        return resolve({ errors: [], fatal: `vnu exited ${code} without a JSON report:\n${text.trim().slice(0, 2000)}` });
      }
      const errors = report.messages
        .filter((m) => m.type === 'error' || m.type === 'non-document-error')
        .map((m) => {
          let file = m.url || '';
          if (file.startsWith('file:')) {
            file = safeDecode(file.replace(/^file:(\/\/)?/, ''));
            file = toPosix(path.relative(siteDir, file));
          }
          return { file, line: m.lastLine, column: m.firstColumn ?? m.lastColumn, message: m.message, extract: m.extract };
        });
      if (code !== 0 && errors.length === 0) {
        return resolve({ errors, fatal: `vnu exited ${code} but reported no error:\n${text.trim().slice(0, 2000)}` });
      }
      resolve({ errors, fatal: null, version: report.version });
    });
  });
}

// ---------------------------------------------------------------- server
function startServer(root) {
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const abs = path.resolve(root, `.${path.posix.normalize(rel)}`);
    if (abs !== root && !abs.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    let file = abs;
    try {
      if (fs.statSync(file).isDirectory()) {
        if (!rel.endsWith('/')) {
          res.writeHead(301, { Location: `${rel}/` }).end();
          return;
        }
        file = path.join(file, 'index.html');
      }
      const body = fs.readFileSync(file);
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ---------------------------------------------------------------- main
async function main() {
  const all = listFiles(siteDir).sort(byDepthThenName);
  const fileSet = new Set(all);
  const dirSet = new Set();
  for (const f of all) {
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) dirSet.add(parts.slice(0, i).join('/'));
  }
  const pages = all.filter((f) => /\.html?$/i.test(f));

  console.log(`check-site: ${siteDir}`);
  console.log(`check-site: ${pages.length} page(s), ${all.length} file(s)`);

  // vnu runs in parallel with the browser.
  const vnuPromise = runVnu(pages);

  // ---- static link check
  const htmlCache = new Map();
  const readHtml = (rel) => {
    if (!htmlCache.has(rel)) htmlCache.set(rel, fs.readFileSync(path.join(siteDir, rel), 'utf8'));
    return htmlCache.get(rel);
  };
  const idCache = new Map();
  const idsOf = (rel) => {
    if (!idCache.has(rel)) idCache.set(rel, extractIds(stripNonMarkup(readHtml(rel))));
    return idCache.get(rel);
  };

  const broken = new Map(); // key -> {page, ref, reason}
  const addBroken = (page, ref, reason, key) => {
    const k = key ?? `${page}\u0000${ref}`;
    if (!broken.has(k)) broken.set(k, { page, ref, reason });
  };

  let linksChecked = 0;
  for (const page of pages) {
    const html = stripNonMarkup(readHtml(page));
    for (const { tag, attr, value } of extractRefs(html)) {
      if (value === '' || value.startsWith('#') || EXTERNAL.test(value)) continue;
      linksChecked++;
      const hashAt = value.indexOf('#');
      const frag = hashAt >= 0 ? safeDecode(value.slice(hashAt + 1)) : '';
      let p = hashAt >= 0 ? value.slice(0, hashAt) : value;
      const qAt = p.indexOf('?');
      if (qAt >= 0) p = p.slice(0, qAt);
      if (p === '') continue; // "?query" only: the page itself
      p = safeDecode(p);
      const base = p.startsWith('/') ? '' : path.posix.dirname(page);
      const joined = path.posix.normalize(path.posix.join(base === '.' ? '' : base, p.replace(/^\/+/, '')));
      const keyTarget = joined + (p.endsWith('/') && !joined.endsWith('/') ? '/' : '');
      const label = `<${tag} ${attr}="${value}">`;
      if (joined === '..' || joined.startsWith('../')) {
        addBroken(page, label, 'points outside the site', `${page}\u0000${keyTarget}`);
        continue;
      }
      const rel = joined === '.' ? '' : keyTarget.replace(/^\.\/?/, '');
      const target = resolveSitePath(rel, fileSet, dirSet);
      if (!target) {
        const why = dirSet.has(rel.replace(/\/+$/, '')) ? 'directory without index.html' : 'no such file';
        addBroken(page, label, why, `${page}\u0000${resolveKey(rel)}`);
        continue;
      }
      if (frag && frag !== 'top' && /\.html?$/i.test(target) && !idsOf(target).has(frag)) {
        addBroken(page, label, `no id="${frag}" in ${target}`);
      }
    }
  }
  function resolveKey(rel) {
    return rel.replace(/\/+$/, '');
  }

  // ---- browser
  const server = await startServer(siteDir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const axeResults = new Map(); // page -> violations
  const tooWide = new Map(); // page -> what sticks out at PHONE.width
  const chartProblems = []; // "page @width: problem"
  let chartsChecked = 0;
  const checkCharts = async (page, rel, width) => {
    const res = await page.evaluate(() => {
      const out = [];
      const svgs = [...document.querySelectorAll('svg.chart')];
      for (const svg of svgs) {
        const title = svg.querySelector('title')?.textContent ?? '?';
        const box = svg.getBoundingClientRect();
        const scale = box.width / svg.viewBox.baseVal.width;
        const texts = [...svg.querySelectorAll('text')];
        for (const t of texts) {
          const px = parseFloat(getComputedStyle(t).fontSize) * scale;
          if (px < 11.95) out.push(`${title}: "${t.textContent}" is ${px.toFixed(1)} px`);
        }
        const boxes = texts.map((t) => ({ t: t.textContent, b: t.getBBox() }));
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i].b, b = boxes[j].b;
            // Text boxes include the line's full height; a point of slack.
            if (a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 3 && b.y < a.y + a.height - 3) {
              out.push(`${title}: "${boxes[i].t}" overlaps "${boxes[j].t}"`);
            }
          }
        }
      }
      return { count: svgs.length, out };
    });
    chartsChecked += res.count;
    for (const o of res.out) chartProblems.push(`${rel} @${width}: ${o}`);
  };
  const pageErrors = [];
  const screenshots = [];
  const searchResults = [];
  let browser;
  try {
    const { chromium } = require('playwright-core');
    const axePath = require.resolve('axe-core/axe.min.js');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      bypassCSP: true, // so the injected axe script runs under any CSP
      serviceWorkers: 'block',
      reducedMotion: 'reduce',
      colorScheme: 'light',
    });
    context.setDefaultTimeout(60_000);

    const watch = (page, label) => {
      const state = { label };
      page.on('pageerror', (e) => pageErrors.push(`${state.label}: ${e.message}`));
      page.on('response', (r) => {
        const u = r.url();
        if (!u.startsWith(origin + '/') || r.status() < 400) return;
        const p = safeDecode(new URL(u).pathname).replace(/^\/+/, '');
        if (p === 'favicon.ico') return; // asked for by the browser, not the page
        addBroken(state.label, u.slice(origin.length), `HTTP ${r.status()} when the page loaded it`, `${state.label}\u0000${resolveKey(p)}`);
      });
      return state;
    };
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(origin + '/') || u === origin) return route.continue();
      if (/^(data|blob|about):/i.test(u)) return route.continue();
      const from = route.request().frame()?.url() || '';
      const page = from.startsWith(origin) ? safeDecode(new URL(from).pathname).replace(/^\/+/, '') || 'index.html' : '?';
      addBroken(page, u, 'request to a host other than the local test server (blocked)');
      return route.abort('blockedbyclient');
    });

    // axe over all pages, `jobs` tabs at a time.
    let next = 0;
    const worker = async () => {
      const page = await context.newPage();
      const state = watch(page, '');
      while (next < pages.length) {
        const rel = pages[next++];
        state.label = rel;
        try {
          await page.goto(`${origin}/${rel.split('/').map(encodeURIComponent).join('/')}`, { waitUntil: 'load' });
          await page.addScriptTag({ path: axePath });
          const res = await page.evaluate(
            (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
            AXE_TAGS,
          );
          axeResults.set(
            rel,
            res.violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              helpUrl: v.helpUrl,
              targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' ')),
            })),
          );
          await checkCharts(page, rel, 1280);
          await page.setViewportSize(PHONE);
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
          const wide = await page.evaluate(() => {
            const w = window.innerWidth;
            const out = [];
            const sw = document.documentElement.scrollWidth;
            if (sw > w) out.push(`the page is ${sw} px wide`);
            for (const e of document.body.querySelectorAll('*')) {
              const r = e.getBoundingClientRect();
              if (r.width === 0 || r.right <= w + 0.5) continue;
              if (e.closest('.visually-hidden')) continue;
              const name = e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : '');
              out.push(`${name} ends at ${Math.round(r.right)} px: ${(e.textContent || '').trim().slice(0, 40)}`);
            }
            return out;
          });
          if (wide.length) tooWide.set(rel, wide);
          await checkCharts(page, rel, PHONE.width);
          await page.setViewportSize({ width: 1280, height: 800 });
        } catch (e) {
          throw new Error(`axe on ${rel}: ${e.message}`);
        }
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.min(jobs, Math.max(pages.length, 1)) }, worker));

    // screenshots
    if (shotDir) {
      await fsp.mkdir(shotDir, { recursive: true });
      const isSpecial = (f) => /(^|\/)(index|404|goals)\.html?$/i.test(f);
      const picks = [];
      if (fileSet.has('index.html')) picks.push('index.html');
      const section = pages.find((f) => !isSpecial(f));
      if (section) picks.push(section);
      if (fileSet.has('goals.html')) picks.push('goals.html');
      const page = await context.newPage();
      const state = watch(page, '');
      for (const rel of picks) {
        state.label = rel;
        const stem = rel.replace(/\.html?$/i, '').replace(/\//g, '_');
        for (const vp of SCREENSHOT_WIDTHS) {
          await page.setViewportSize(vp);
          await page.goto(`${origin}/${rel.split('/').map(encodeURIComponent).join('/')}`, { waitUntil: 'load' });
          await page.evaluate(() => document.fonts && document.fonts.ready);
          const out = path.join(shotDir, `${stem}-${vp.width}.png`);
          await page.screenshot({ path: out, fullPage: true });
          screenshots.push(out);
        }
      }
      await page.close();
    }
    // search: type each query into the search page's box, as a reader would
    for (const { query, title } of searches) {
      const page = await context.newPage();
      const state = watch(page, 'search.html');
      await page.goto(`${origin}/search.html`, { waitUntil: 'load' });
      await page.fill('#search-page-q', query);
      await page.press('#search-page-q', 'Enter');
      await page.waitForFunction(() => document.querySelector('[data-search-status]').textContent.trim() !== '');
      const titles = await page.$$eval('[data-search-results] li .result-title > a', (as) => as.map((a) => a.textContent.trim()));
      // Each result: the query's words marked, and a snippet cut between
      // words of the entry's text.
      const problems = await page.evaluate((q) => {
        const norm = (s) => s.normalize('NFC').toLocaleLowerCase('da').replace(/aa/g, 'å');
        const terms = norm(q).split(/\s+/).filter(Boolean);
        const out = [];
        for (const li of document.querySelectorAll('[data-search-results] li')) {
          const a = li.querySelector('.result-title > a');
          const entry = window.PLANPRESS_SEARCH.find((e) => a && a.getAttribute('href') === e.u);
          if (!entry) { out.push(`no entry for ${a && a.href}`); continue; }
          const marks = [...li.querySelectorAll('mark')].map((m) => norm(m.textContent));
          if (!marks.some((m) => terms.includes(m))) out.push(`${entry.t}: no word of "${q}" marked`);
          const p = li.querySelector('.result-text');
          if (!p) continue;
          const text = entry.x.replace(/\s+/g, ' ');
          const cut = p.textContent.replace(/^… /, '').replace(/ …$/, '');
          const at = text.indexOf(cut);
          const end = at + cut.length;
          if (at < 0) out.push(`${entry.t}: snippet not from the text`);
          else if ((at > 0 && text[at - 1] !== ' ') || (end < text.length && text[end] !== ' ')) {
            out.push(`${entry.t}: snippet cut inside a word: "${cut.slice(0, 20)}…${cut.slice(-20)}"`);
          }
        }
        return out;
      }, query);
      const found = titles.includes(title) && problems.length === 0;
      searchResults.push({ query, title, found, titles: titles.slice(0, 5), problems });
      state.label = '';
      await page.close();
    }
    await context.close();
  } finally {
    if (browser) await browser.close().catch(() => {});
    server.close();
  }

  const vnu = await vnuPromise;
  if (vnu.fatal) throw new Error(vnu.fatal);

  // ---------------------------------------------------------------- report
  const line = (s = '') => console.log(s);
  line();
  line(`== Nu HTML Checker${vnu.version ? ` ${vnu.version}` : ''}: ${vnu.errors.length} error(s)`);
  for (const e of vnu.errors) {
    line(`  ${e.file}:${e.line ?? '?'}:${e.column ?? '?'}: ${e.message}`);
    if (e.extract) line(`      ${JSON.stringify(e.extract)}`);
  }

  let axeCount = 0;
  for (const v of axeResults.values()) axeCount += v.length;
  line();
  line(`== axe-core ${AXE_TAGS.join(',')}: ${axeCount} violation(s)`);
  for (const [rel, vs] of axeResults) {
    for (const v of vs) {
      line(`  ${rel}: [${v.impact}] ${v.id}: ${v.help}`);
      for (const t of v.targets) line(`      ${t}`);
    }
  }

  line();
  line(`== links: ${linksChecked} internal reference(s) checked, ${broken.size} broken`);
  for (const b of broken.values()) line(`  ${b.page}: ${b.ref}: ${b.reason}`);

  if (pageErrors.length) {
    line();
    line(`== JavaScript errors: ${pageErrors.length}`);
    for (const e of pageErrors) line(`  ${e}`);
  }
  line();
  line(`== width at ${PHONE.width} px: ${tooWide.size} page(s) wider than the screen`);
  for (const [rel, what] of tooWide) {
    line(`  ${rel}:`);
    for (const w of what.slice(0, 12)) line(`      ${w}`);
    if (what.length > 12) line(`      … and ${what.length - 12} more`);
  }
  line();
  line(`== charts: ${chartsChecked} checked at two widths, ${chartProblems.length} problem(s)`);
  for (const c of chartProblems.slice(0, 40)) line(`  ${c}`);
  const searchFailures = searchResults.filter((r) => !r.found).length;
  if (searchResults.length) {
    line();
    line(`== search: ${searchResults.length} quer(y/ies), ${searchFailures} failed`);
    for (const r of searchResults) {
      line(`  ${r.found ? 'ok  ' : 'FAIL'} "${r.query}" -> ${r.found ? r.title : `no "${r.title}" among ${JSON.stringify(r.titles)}`}`);
      for (const p of r.problems) line(`      ${p}`);
    }
  }
  if (screenshots.length) {
    line();
    line(`== screenshots: ${screenshots.length}`);
    for (const s of screenshots) line(`  ${s}`);
  }

  const summary = {
    pages: pages.length,
    vnu_errors: vnu.errors.length,
    axe_violations: axeCount,
    broken_links: broken.size,
    js_errors: pageErrors.length,
    search_failures: searchFailures,
    too_wide: tooWide.size,
    chart_problems: chartProblems.length,
  };
  const ok =
    pages.length > 0 &&
    summary.vnu_errors === 0 &&
    summary.axe_violations === 0 &&
    summary.broken_links === 0 &&
    summary.js_errors === 0 &&
    summary.search_failures === 0 &&
    summary.too_wide === 0 &&
    summary.chart_problems === 0;
  line();
  if (pages.length === 0) line('check-site: FAIL: no .html page found');
  line(`check-site: ${ok ? 'OK' : 'FAIL'} in ${((performance.now() - T0) / 1000).toFixed(1)} s`);
  line(JSON.stringify(summary));
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.log(`check-site: ERROR: ${e && e.stack ? e.stack : e}`);
    console.log(JSON.stringify({ pages: -1, vnu_errors: -1, axe_violations: -1, broken_links: -1, error: String(e && e.message ? e.message : e) }));
    process.exitCode = 2;
  },
);
