#!/usr/bin/env node
// `npm run build:site`: the Observable Framework build, with what Framework cannot do itself.
//  1. Delete the loaders' cached output (src/.observablehq/cache/data) so every loader reruns on
//     the current warehouse — Framework reuses a cached output whatever its age. The _node/_npm
//     caches are kept.
//  2. `observable build` with telemetry off, into LTCI_SITE_OUT (default dist/).
//  3. Every page gets `<html lang="zh-CN">` and the footer's as-of date (from data/meta.json).
//  4. Fail if the output names a CDN or font host: the site must work on an intranet.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const out = resolve(repo, process.env.LTCI_SITE_OUT ?? 'dist');
const FORBIDDEN = /jsdelivr|googleapis|gstatic|unpkg\.com|esm\.sh|extensions\.duckdb\.org|api\.observablehq\.com/;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

rmSync(join(repo, 'src/.observablehq/cache/data'), { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });

const bin = join(repo, 'node_modules/.bin/observable');
const build = spawnSync(bin, ['build'], {
  cwd: repo,
  stdio: 'inherit',
  // The loaders run through tsx: put node_modules/.bin on PATH when not started by npm.
  env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: '1', LTCI_SITE_OUT: out, PATH: `${join(repo, 'node_modules/.bin')}:${process.env.PATH}` },
});
if (build.status !== 0) {
  console.error(`build-site: observable build failed (exit ${build.status ?? build.signal})`);
  process.exit(build.status || 1);
}

const files = walk(out);
const metaFile = files.find((f) => /[\\/]_file[\\/]data[\\/]meta\.[0-9a-f]+\.json$/.test(f));
const meta = metaFile ? JSON.parse(readFileSync(metaFile, 'utf8')) : null;
const asOf = meta?.asOf ? meta.asOf.replace(/^(\d{4})-(\d{2})-(\d{2}).*/, (_, y, m, d) => `${y}年${+m}月${+d}日`) : null;

let pages = 0;
for (const f of files.filter((f) => f.endsWith('.html'))) {
  let html = readFileSync(f, 'utf8');
  html = html.replace(/<html>/, '<html lang="zh-CN">');
  if (asOf) html = html.replace(/(<span id="ltci-asof">)[^<]*(<\/span>)/, `$1${asOf}$2`);
  writeFileSync(f, html);
  pages++;
}

const offenders = files.filter((f) => /\.(html|js|css|json)$/.test(f) && FORBIDDEN.test(readFileSync(f, 'utf8')));
if (offenders.length) {
  console.error(`build-site: these files reference a host outside the intranet:\n  ${offenders.map((f) => relative(repo, f)).join('\n  ')}`);
  process.exit(1);
}
console.log(`build-site: ${pages} pages in ${relative(repo, out) || '.'}, lang=zh-CN, as of ${asOf ?? '(unknown)'}, no external hosts`);
if (!existsSync(join(out, 'index.html'))) process.exit(1);
