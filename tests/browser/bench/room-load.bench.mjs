// How the staff console's room bears a full room (issue 8 §2): a real
// exam-server with the demo data, exam-load simulating N candidates who each
// save an answer every few seconds, and the room open in Chromium as the
// centre admin. Measures, over the steady part of the run:
//   - save to room: from the server committing a save (the feed event's
//     server_time_ms) to the room's row showing the new answered count,
//     matched per candidate and count;
//   - the page's frame times (requestAnimationFrame deltas) and long tasks.
// Not a test: run it by hand (scripts/bench-console-room.sh) and record the
// figures in docs/performance.md.
//   node room-load.bench.mjs --server BIN --load BIN --staff-dir DIR --client-dir DIR [--candidates 300] [--duration 60]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const serverBin = opt('--server');
const loadBin = opt('--load');
const staffDir = opt('--staff-dir');
const clientDir = opt('--client-dir');
const modules = opt('--modules');
const candidates = Number(opt('--candidates', '300'));
const duration = Number(opt('--duration', '60'));
const saveInterval = Number(opt('--save-interval', '5'));
const port = Number(opt('--port', '18443'));
if (!serverBin || !loadBin || !staffDir || !clientDir || !modules) {
  console.error('usage: room-load.bench.mjs --server BIN --load BIN --staff-dir DIR --client-dir DIR --modules DIR');
  process.exit(2);
}
const { chromium } = createRequire(join(resolve(modules), 'noop.js'))('playwright-core');

const dir = mkdtempSync(join(tmpdir(), 'exam-room-bench-'));
const server = spawn(serverBin, ['--demo', '--data-dir', join(dir, 'data'), '--port', String(port), '--staff-dir', staffDir,
  '--client-dir', clientDir, '--log-level', 'warning'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  const lines = createInterface({ input: server.stdout });
  lines.on('line', (l) => l.startsWith('Stop with') && resolve());
  server.once('exit', (code) => reject(new Error(`exam-server exited with ${code}`)));
});
const base = `https://127.0.0.1:${port}`;

// exam-load makes the session, books and admits everyone, then ramps them in.
const load = spawn(loadBin, ['--port', String(port), '--setup', '--candidates', String(candidates), '--save-interval',
  String(saveInterval), '--heartbeat-interval', '15', '--ramp', '10', '--duration', String(duration), '--server-pid',
  String(server.pid)], { stdio: ['ignore', 'pipe', 'pipe'] });
let loadReport = '';
load.stdout.on('data', (d) => (loadReport += d));
const session = await new Promise((resolve, reject) => {
  const lines = createInterface({ input: load.stderr });
  lines.on('line', (l) => {
    const m = /setup: session (\d+)/.exec(l);
    if (m) resolve(Number(m[1]));
  });
  load.once('exit', (code) => reject(new Error(`exam-load exited with ${code} before its setup`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1440, height: 900 } });
const page = await context.newPage();
await page.goto(`${base}/staff/sessions/${session}/room`);
await page.getByLabel('Username').fill('centre.admin');
await page.getByLabel('Password').fill('demo-password-2026');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByText('Live: changes show as they happen.').waitFor({ timeout: 30_000 });

// In the page: a second feed connection records each save's commit time by
// (booking, answered); a MutationObserver records when the row shows it.
await page.evaluate((sessionId) => {
  const w = window;
  w.bench = { commits: new Map(), shown: [], frames: [], longTasks: [], recording: false };
  const token = sessionStorage.getItem('exam-staff:token');
  const ws = new WebSocket(`wss://${location.host}/api/v1/sessions/${sessionId}/feed`);
  ws.onopen = () => ws.send(JSON.stringify({ token, batch: true }));
  ws.onmessage = (e) => {
    const m = JSON.parse(e.data);
    const events = m.type === 'batch' ? m.events : [m];
    for (const ev of events) {
      if (ev.type === 'attempt') w.bench.commits.set(`${ev.attempt.booking}:${ev.attempt.answered}`, ev.server_time_ms);
    }
  };
  const tbody = document.querySelector('.room-table tbody');
  new MutationObserver((records) => {
    const at = performance.timeOrigin + performance.now();
    for (const r of records) {
      const cell = (r.target.nodeType === 3 ? r.target.parentElement : r.target)?.closest?.('.cell-answered');
      if (!cell) continue;
      const row = cell.closest('tr');
      const answered = /^(\d+) of/.exec(cell.textContent ?? '');
      if (row && answered && w.bench.recording) w.bench.shown.push({ key: `${row.dataset.booking}:${answered[1]}`, at });
    }
  }).observe(tbody, { subtree: true, characterData: true, childList: true });
  let last = performance.now();
  const frame = (t) => {
    if (w.bench.recording) w.bench.frames.push(t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new PerformanceObserver((list) => {
    if (w.bench.recording) for (const e of list.getEntries()) w.bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
}, session);

// Past the ramp, record the steady part (less a margin before the run ends).
await new Promise((r) => setTimeout(r, 12_000));
await page.evaluate(() => (window.bench.recording = true));
const steady = Math.max(10, duration - 15);
await new Promise((r) => setTimeout(r, steady * 1000));
const result = await page.evaluate(() => {
  const b = window.bench;
  b.recording = false;
  const latencies = [];
  let unmatched = 0;
  for (const s of b.shown) {
    const committed = b.commits.get(s.key);
    if (committed === undefined) unmatched++;
    else latencies.push(s.at - committed);
  }
  const rows = document.querySelectorAll('.room-table tbody tr').length;
  return { latencies, unmatched, frames: b.frames, longTasks: b.longTasks, rows };
});
await load;
await new Promise((resolve) => (load.exitCode !== null ? resolve() : load.once('exit', resolve)));

const pct = (xs, p) => {
  if (xs.length === 0) return null;
  const s = xs.slice().sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10;
};
const summary = {
  candidates,
  rows_in_room: result.rows,
  steady_seconds: steady,
  saves_shown: result.latencies.length,
  unmatched: result.unmatched,
  save_to_room_ms: { p50: pct(result.latencies, 50), p95: pct(result.latencies, 95), p99: pct(result.latencies, 99), max: pct(result.latencies, 100) },
  frames: result.frames.length,
  frame_ms: { p50: pct(result.frames, 50), p95: pct(result.frames, 95), p99: pct(result.frames, 99), max: pct(result.frames, 100) },
  frames_over_50ms: result.frames.filter((f) => f > 50).length,
  long_tasks: result.longTasks.length,
  long_task_ms_max: pct(result.longTasks, 100),
};
console.log(JSON.stringify(summary));
console.log('exam-load:\n' + loadReport.trim());
await browser.close();
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(dir, { recursive: true, force: true });
