// End-to-end tests of out/index.html and out/embed.html in Debian's Chromium, driven by
// playwright-core (npm, pinned in web/package-lock.json). Run by scripts/browser_test.sh, which
// makes a small run, serves it with nginx (the static tree) and `frontline serve`, and sets:
//   FRONTLINE_WEB_OUT        the run's output directory (also opened from file://)
//   FRONTLINE_WEB_BASES      name=url,... the servers, e.g. nginx=http://127.0.0.1:PORT
//   FRONTLINE_WEB_ARTIFACTS  where screenshots and diffs are written
//   FRONTLINE_ACCEPT_REFERENCE=1  replace the reference screenshot with this run's
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.env.FRONTLINE_WEB_OUT;
const bases = Object.fromEntries((process.env.FRONTLINE_WEB_BASES || '').split(',').filter(Boolean)
  .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
const artifacts = process.env.FRONTLINE_WEB_ARTIFACTS || fs.mkdtempSync(path.join(os.tmpdir(), 'frontline-web-'));
const refDir = path.join(here, 'ref');
assert.ok(out && fs.existsSync(path.join(out, 'index.html')), 'FRONTLINE_WEB_OUT must hold a run with index.html');
assert.ok(Object.keys(bases).length > 0, 'FRONTLINE_WEB_BASES must name at least one server');

// The run's data, as the page reads it.
const D = new Function('window', fs.readFileSync(path.join(out, 'web', 'data.js'), 'utf8') +
  '\nreturn window.FRONTLINE_DATA;')({});

// Screenshot comparison: a pixel differs when a channel differs by more than kChannel; the
// test fails when more than kShare of the pixels differ (text antialiasing, a moved label).
const kChannel = 24;
const kShare = 0.005;
const kViewport = { width: 1000, height: 700 };

let browser;
before(async () => {
  // launch() gives Chromium a new, empty --user-data-dir of its own each time (and removes
  // it at close). No background networking: the machine's network is closed and Chromium's
  // own connections would fail, loudly, at every start.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--font-render-hinting=none'],
  });
});
after(async () => {
  if (browser) await browser.close();
});

// A page with every problem a reader could meet recorded: console errors, script errors,
// failed requests and HTTP errors; and every tile URL requested.
async function open(url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: kViewport, reducedMotion: 'reduce', ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  const tiles = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`script: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('request', (r) => { if (r.url().includes('/tiles/')) tiles.push(r.url()); });
  await page.goto(url);
  await ready(page);
  return { context, page, problems, tiles };
}

async function ready(page, frame) {
  const target = frame || page;
  await target.waitForSelector('#frontline[data-map-state="ready"]', { timeout: 20000 });
}

function layerOf(url) {
  const m = url.match(/\/tiles\/([A-Za-z0-9_-]+)\/\d+\/\d+\/\d+(@2x)?\.png/);
  return m ? m[1] : null;
}

// A changed place, not a neighbourhood, with sources, at least `gap` px from any other place's
// dot at the current view: a click there can only mean that place.
async function isolatedChangedPlace(page, gap = 18) {
  const pts = await page.evaluate(() => {
    const m = window.frontline.map;
    const D = window.FRONTLINE_DATA;
    const day = window.frontline.day;
    const known = new Set(D.places.map((p) => p.id));
    const pts = D.places.map((p, i) => {
      const c = m.latLngToContainerPoint([p.lat, p.lon]);
      return { id: p.id, name: p.name, kind: p.kind, x: c.x, y: c.y, st: D.states[day][i] };
    });
    // Events at places outside the day files have marks of their own: obstacles too.
    for (const e of D.events) {
      if (known.has(e.place_id) || e.date > day) continue;
      const c = m.latLngToContainerPoint([e.lat, e.lon]);
      pts.push({ id: e.place_id, name: e.place_name, x: c.x, y: c.y, st: { event: true } });
    }
    return pts;
  });
  const size = await page.evaluate(() => window.frontline.map.getSize());
  const eventsOf = (id) => D.events.filter((e) => e.place_id === id && e.sources.length);
  for (const p of pts) {
    if (!p.st || p.st.event || !p.st.changed || p.kind === 'neighbourhood' || !eventsOf(p.id).length) continue;
    if (p.x < 40 || p.y < 40 || p.x > size.x - 40 || p.y > size.y - 40) continue;
    const near = pts.some((q) => q !== p && q.st && Math.hypot(q.x - p.x, q.y - p.y) < gap);
    if (!near) return { ...p, events: eventsOf(p.id) };
  }
  return null;
}

async function compareWithReference(name, png) {
  const ref = path.join(refDir, `${name}.png`);
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(path.join(artifacts, `${name}.actual.png`), png);
  if (process.env.FRONTLINE_ACCEPT_REFERENCE === '1' || !fs.existsSync(ref)) {
    if (process.env.FRONTLINE_ACCEPT_REFERENCE !== '1')
      assert.fail(`no reference ${ref}: run with FRONTLINE_ACCEPT_REFERENCE=1 to accept ${path.join(artifacts, name + '.actual.png')}`);
    fs.mkdirSync(refDir, { recursive: true });
    fs.writeFileSync(ref, png);
    return;
  }
  // Decoded and compared in the browser itself (canvas), so no image library is needed.
  const context = await browser.newContext();
  const page = await context.newPage();
  const r = await page.evaluate(async ({ a, b, channel }) => {
    const load = async (b64) => createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const [ia, ib] = [await load(a), await load(b)];
    if (ia.width !== ib.width || ia.height !== ib.height)
      return { size: `${ia.width}x${ia.height} vs ${ib.width}x${ib.height}` };
    const pixels = (img) => {
      const c = new OffscreenCanvas(img.width, img.height);
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, img.width, img.height);
    };
    const pa = pixels(ia), pb = pixels(ib);
    const diff = new OffscreenCanvas(ia.width, ia.height);
    const g = diff.getContext('2d');
    const d = g.createImageData(ia.width, ia.height);
    let differing = 0;
    for (let i = 0; i < pa.data.length; i += 4) {
      let worst = 0;
      for (let k = 0; k < 3; k++) worst = Math.max(worst, Math.abs(pa.data[i + k] - pb.data[i + k]));
      const bad = worst > channel;
      if (bad) differing++;
      // The diff: differing pixels red, the rest the reference, faded.
      d.data[i] = bad ? 255 : 128 + pb.data[i] / 2;
      d.data[i + 1] = bad ? 0 : 128 + pb.data[i + 1] / 2;
      d.data[i + 2] = bad ? 0 : 128 + pb.data[i + 2] / 2;
      d.data[i + 3] = 255;
    }
    g.putImageData(d, 0, 0);
    const blob = await diff.convertToBlob({ type: 'image/png' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const x of bytes) s += String.fromCharCode(x);
    return { differing, total: pa.data.length / 4, diff: btoa(s) };
  }, { a: png.toString('base64'), b: fs.readFileSync(ref).toString('base64'), channel: kChannel });
  await context.close();
  assert.ok(!r.size, `${name}: size differs from the reference (${r.size}); ${path.join(artifacts, name + '.actual.png')}`);
  if (r.differing > r.total * kShare) {
    const diffPath = path.join(artifacts, `${name}.diff.png`);
    fs.writeFileSync(diffPath, Buffer.from(r.diff, 'base64'));
    assert.fail(`${name}: ${r.differing} of ${r.total} pixels differ (at most ${Math.floor(r.total * kShare)}); ` +
      `diff ${diffPath}, actual ${path.join(artifacts, name + '.actual.png')}; ` +
      'FRONTLINE_ACCEPT_REFERENCE=1 accepts it');
  }
}

for (const [server, base] of Object.entries(bases)) {
  test(`${server}: the map loads with no failed request and no console error`, async () => {
    const { context, page, problems, tiles } = await open(`${base}/`);
    assert.deepEqual(problems, []);
    assert.ok(tiles.length > 0, 'no tiles requested');
    assert.ok(tiles.every((u) => layerOf(u) === `control-${D.latest}`), `tiles of another layer: ${tiles.find((u) => layerOf(u) !== `control-${D.latest}`)}`);
    // Every tile image on the map has loaded and has pixels.
    const broken = await page.$$eval('img.leaflet-tile', (imgs) => imgs.filter((i) => !i.complete || i.naturalWidth === 0).length);
    assert.equal(broken, 0);
    await context.close();
  });

  test(`${server}: the day slider and the step buttons change the tiles requested`, async () => {
    const { context, page, problems, tiles } = await open(`${base}/index.html?day=${D.latest}`);
    const slider = page.locator('#day-slider');
    assert.equal(await slider.getAttribute('aria-valuetext'), await page.locator('#day-output').textContent());
    const seen = tiles.length;
    await slider.focus();
    await page.keyboard.press('Home');  // the baseline day
    await page.waitForSelector(`#frontline[data-layer="control-${D.baseline}"][data-map-state="ready"]`);
    const afterSlider = tiles.slice(seen);
    assert.ok(afterSlider.length > 0, 'moving the slider requested no tiles');
    assert.ok(afterSlider.every((u) => layerOf(u) === `control-${D.baseline}`), afterSlider.join('\n'));
    assert.match(await page.locator('#live').textContent(), /Control on \d+ \w+ \d{4}/);

    const seen2 = tiles.length;
    assert.equal(await page.locator('#day-prev').isDisabled(), true);  // nothing before the baseline
    await page.click('#day-next');
    await page.waitForSelector(`#frontline[data-layer="control-${D.days[1]}"][data-map-state="ready"]`);
    assert.ok(tiles.slice(seen2).some((u) => layerOf(u) === `control-${D.days[1]}`));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${server}: clicking a place shows the sentence behind it`, async () => {
    const { context, page, problems } = await open(`${base}/index.html?day=${D.latest}`);
    const p = await isolatedChangedPlace(page);
    assert.ok(p, 'no changed place clear of others to click at this view');
    const box = await page.locator('#map').boundingBox();
    await page.mouse.click(box.x + p.x, box.y + p.y);
    const popup = page.locator('.leaflet-popup .popup');
    await popup.waitFor();
    const text = await popup.textContent();
    assert.ok(text.includes(p.name), `popup of ${p.name}: ${text}`);
    const sentences = p.events.flatMap((e) => e.sources.map((s) => s.sentence));
    assert.ok(sentences.some((s) => text.includes(s)), `no source sentence of ${p.name} in: ${text}`);
    // Claimed or confirmed, visibly: a badge with the status.
    assert.ok(await popup.locator('.badge-confirmed, .badge-claimed').count() > 0);
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, `popup-${server}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

const [firstServer, firstBase] = Object.entries(bases)[0];

test(`${firstServer}: keyboard: the list of changes opens a popup and moves focus into it`, async () => {
  const { context, page, problems } = await open(`${firstBase}/index.html?day=${D.latest}`);
  const button = page.locator('.place-button').first();
  const id = await button.getAttribute('data-place');
  await button.focus();
  await page.keyboard.press('Enter');
  await page.locator('.leaflet-popup .popup').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('popup')), true);
  const ev = D.events.filter((e) => e.place_id === id);
  const text = await page.locator('.leaflet-popup .popup').textContent();
  if (ev.length) assert.ok(ev.some((e) => e.sources.some((s) => text.includes(s.sentence))), text);
  // Closing it (Leaflet's close button) gives focus back to the list.
  await page.locator('.leaflet-popup-close-button').click();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-place')), id);
  assert.deepEqual(problems, []);
  await context.close();
});

test(`${firstServer}: controls have names and a sensible tab order`, async () => {
  // A middle day with changes: at either end one step button is (rightly) disabled and out of
  // the order, and the list of changes must have entries.
  const mid = D.days.find((d, i) => i > 0 && i < D.days.length - 1 && D.states[d].some((s) => s && s.changed));
  assert.ok(mid, 'no day between the first and the last with a change');
  const { context, page } = await open(`${firstBase}/index.html?day=${mid}`);
  const unnamed = await page.$$eval('#controls button, #controls input', (els) => els
    .filter((e) => !(e.getAttribute('aria-label') || (e.labels && e.labels.length) || e.textContent.trim()))
    .map((e) => e.outerHTML));
  assert.deepEqual(unnamed, []);
  const order = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => {
      const a = document.activeElement;
      return a.id || (a.classList.contains('place-button') ? 'place-button' : a.className || a.tagName);
    }));
  }
  const at = (id) => order.indexOf(id);
  assert.equal(order[0], 'skip-link');
  for (const [a, b] of [['view-day', 'day-prev'], ['day-prev', 'day-slider'], ['day-slider', 'day-next'], ['day-next', 'place-button']]) {
    assert.ok(at(a) >= 0 && at(b) > at(a), `tab order: ${a} before ${b} in ${order.join(' ')}`);
  }
  await context.close();
});

test(`${firstServer}: the legend names every controller in the style's colours`, async () => {
  const { context, page } = await open(`${firstBase}/index.html`);
  const legend = page.locator('#legend');
  assert.ok(await legend.isVisible());
  for (const c of D.controllers.filter((c) => c.id !== 'unknown')) {
    const item = legend.locator(`[data-controller="${c.id}"]`);
    assert.equal((await item.textContent()).trim(), c.label);
    const colour = await item.locator('.dot').evaluate((e) => e.style.backgroundColor);
    const hex = '#' + colour.match(/\d+/g).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('');
    assert.equal(hex, c.color.toLowerCase(), c.id);
  }
  assert.match(await legend.textContent(), /claimed/);
  assert.match(await page.locator('.leaflet-control-attribution').textContent(), /GeoNames.*CC BY 4\.0.*UN OCHA.*Natural Earth.*Frontline/);
  assert.match(await page.locator('.method').textContent(), /15 km/);
  await context.close();
});

test(`${firstServer}: before/after views: the changes layer, and a swipe over the baseline`, async () => {
  const { context, page, problems, tiles } = await open(`${firstBase}/index.html?view=changes`);
  assert.ok(tiles.some((u) => layerOf(u) === 'changes'));
  assert.equal(await page.locator('#day-slider').isDisabled(), true);
  await page.check('#view-compare');
  await page.waitForSelector(`#frontline[data-view="compare"][data-map-state="ready"]`);
  assert.ok(tiles.some((u) => layerOf(u) === `control-${D.baseline}`), 'baseline tiles not requested');
  const clip0 = await page.evaluate(() => document.querySelector('.leaflet-before-pane').style.clip);
  await page.locator('#swipe').fill('20');
  const clip1 = await page.evaluate(() => document.querySelector('.leaflet-before-pane').style.clip);
  assert.notEqual(clip0, clip1);
  assert.deepEqual(problems, []);
  await context.close();
});

test(`${firstServer}: retina screens get the @2x tiles`, async () => {
  const { context, tiles, problems } = await open(`${firstBase}/`, { deviceScaleFactor: 2 });
  assert.ok(tiles.length > 0 && tiles.every((u) => /@2x\.png/.test(u)) === D.retina, tiles[0]);
  assert.deepEqual(problems, []);
  await context.close();
});

test(`${firstServer}: a phone: no sideways scrolling, finger-sized step buttons`, async () => {
  const { context, page, problems } = await open(`${firstBase}/`, {
    viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360);
  const map = await page.locator('#map').boundingBox();
  assert.ok(map.width > 300 && map.x >= 0 && map.x + map.width <= 360, JSON.stringify(map));
  const step = await page.locator('#day-next').boundingBox();
  assert.ok(step.width >= 44 && step.height >= 44, JSON.stringify(step));
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'phone.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test(`${firstServer}: embed.html in an iframe, with chrome=0, fixed view and day`, async () => {
  const context = await browser.newContext({ viewport: { width: 700, height: 520 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  const src = `${firstBase}/embed.html?view=changes&chrome=0`;
  await page.setContent(`<p>Article text.</p><iframe title="Map" src="${src}" width="640" height="420" style="border:0"></iframe>`);
  const frame = page.frameLocator('iframe');
  await frame.locator('#frontline[data-map-state="ready"]').waitFor({ timeout: 20000 });
  assert.equal(await frame.locator('#frontline').getAttribute('data-layer'), 'changes');
  assert.equal(await frame.locator('#controls').isVisible(), false);
  assert.ok(await frame.locator('.mini-legend').isVisible());
  assert.match(await frame.locator('.leaflet-control-attribution').textContent(), /GeoNames/);
  await page.screenshot({ path: path.join(artifacts, 'embed-chrome0.png') });
  assert.deepEqual(problems, []);
  await context.close();

  // With chrome: the timeline under the map, and ?layer= fixes a layer.
  const e = await open(`${firstBase}/embed.html?day=${D.days[1]}`, { viewport: { width: 640, height: 480 } });
  assert.equal(await e.page.locator('#frontline').getAttribute('data-layer'), `control-${D.days[1]}`);
  assert.ok(await e.page.locator('#day-slider').isVisible());
  await e.page.screenshot({ path: path.join(artifacts, 'embed.png') });
  assert.deepEqual(e.problems, []);
  await e.context.close();
  const f = await open(`${firstBase}/embed.html?layer=overlay`);
  assert.equal(await f.page.locator('#frontline').getAttribute('data-layer'), 'overlay');
  assert.ok(f.tiles.every((u) => layerOf(u) === 'overlay'));
  assert.deepEqual(f.problems, []);
  await f.context.close();
});

test(`${firstServer}: the map looks as the reference screenshot`, async () => {
  // Deterministic: fixed viewport and scale, reduced motion (no fades), a fixed day and view,
  // all tiles loaded; only the map is compared (the panel's text is tested above).
  const day = D.days[Math.min(4, D.days.length - 1)];
  const { context, page, problems } = await open(`${firstBase}/index.html?day=${day}`, { deviceScaleFactor: 1 });
  await page.evaluate(() => document.fonts.ready);
  const png = await page.locator('#map').screenshot({ animations: 'disabled' });
  await page.screenshot({ path: path.join(artifacts, 'page.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
  await compareWithReference('map-day', png);
});

test('file://: the page loads with no error and shows the tiles', async () => {
  const url = 'file://' + path.resolve(out, 'index.html') + `?day=${D.baseline}`;
  const { context, page, problems, tiles } = await open(url);
  assert.deepEqual(problems, []);
  assert.ok(tiles.length > 0 && tiles.every((u) => u.startsWith('file://') && layerOf(u) === `control-${D.baseline}`), tiles[0]);
  const broken = await page.$$eval('img.leaflet-tile', (imgs) => imgs.filter((i) => i.naturalWidth === 0).length);
  assert.equal(broken, 0);
  await context.close();
});
