// Builds the staff console: src/main.tsx and the pages it loads on demand,
// bundled and minified by esbuild with code splitting into OUTDIR/assets/
// under content-hashed names, and OUTDIR/index.html naming the entry. The room
// view is its own chunk, so an invigilator's laptop fetches only what the
// room needs. exam-server serves OUTDIR at /staff/; hashed names are cached
// for a year, index.html never.
//   node build.mjs [--outdir DIR]   the console (default dist/)
//   node build.mjs --tests          the unit tests, bundled for node --test into .test-build/
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const mount = '/staff/';

function option(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

const jsx = { jsx: 'automatic', jsxImportSource: 'preact' };

async function buildTests() {
  const outdir = join(here, '.test-build');
  rmSync(outdir, { recursive: true, force: true });
  const entryPoints = readdirSync(join(here, 'test'))
    .filter((f) => /\.test\.tsx?$/.test(f))
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
    ...jsx,
  });
}

async function buildConsole() {
  const outdir = resolve(option('--outdir', join(here, 'dist')));
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(join(outdir, 'assets'), { recursive: true });
  const result = await build({
    entryPoints: [join(here, 'src', 'main.tsx')],
    outdir: join(outdir, 'assets'),
    entryNames: 'console-[hash]',
    chunkNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    publicPath: mount + 'assets/',
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: ['chrome100', 'firefox100', 'safari15'],
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    ...jsx,
  });
  const entry = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint?.endsWith('src/main.tsx'));
  if (!entry) throw new Error('esbuild produced no entry script');
  const script = relative(outdir, resolve(entry[0]));
  // Only the entry imports CSS, so there is one stylesheet.
  const css = Object.keys(result.metafile.outputs).filter((p) => p.endsWith('.css'));
  if (css.length !== 1) throw new Error('esbuild produced ' + css.length + ' stylesheets, expected one');
  const style = relative(outdir, resolve(css[0]));
  const template = readFileSync(join(here, 'src', 'index.html'), 'utf8');
  const html = template.replace('%STYLE%', mount + style).replace('%SCRIPT%', mount + script);
  writeFileSync(join(outdir, 'index.html'), html);
  const chunks = Object.keys(result.metafile.outputs).filter((p) => p.endsWith('.js')).length;
  console.log(`staff console: built ${basename(script)} (${chunks} scripts) and ${basename(style)} in ${outdir}`);
}

if (args.includes('--tests')) await buildTests();
else await buildConsole();
