// Builds the player: src/main.ts (and the CSS it imports) bundled and minified
// into OUTDIR/assets/ under content-hashed names, and OUTDIR/index.html naming
// them. Hashed names let exam-server tell browsers to keep them for a year;
// index.html itself is never cached, so a new build is picked up at once.
//   node build.mjs [--outdir DIR]   the player (default dist/)
//   node build.mjs --tests          the unit tests, bundled for node --test into .test-build/
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);

function option(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

async function buildTests() {
  const outdir = join(here, '.test-build');
  rmSync(outdir, { recursive: true, force: true });
  const entryPoints = readdirSync(join(here, 'test'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(here, 'test', f));
  await build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    external: ['node:*'],
    logLevel: 'warning',
  });
}

async function buildPlayer() {
  const outdir = resolve(option('--outdir', join(here, 'dist')));
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(join(outdir, 'assets'), { recursive: true });
  const result = await build({
    entryPoints: [join(here, 'src', 'main.ts')],
    outdir: join(outdir, 'assets'),
    entryNames: 'player-[hash]',
    assetNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['chrome100', 'firefox100', 'safari15'],
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((p) => relative(outdir, resolve(p)));
  const script = outputs.find((p) => p.endsWith('.js'));
  const style = outputs.find((p) => p.endsWith('.css'));
  if (!script || !style) throw new Error('esbuild produced no script or no stylesheet: ' + outputs.join(', '));
  const template = readFileSync(join(here, 'src', 'index.html'), 'utf8');
  const html = template.replace('%STYLE%', '/' + style).replace('%SCRIPT%', '/' + script);
  writeFileSync(join(outdir, 'index.html'), html);
  console.log(`candidate-client: built ${basename(script)} and ${basename(style)} in ${outdir}`);
}

if (args.includes('--tests')) await buildTests();
else await buildPlayer();
