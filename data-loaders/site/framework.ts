// Running Observable Framework's build offline, shared by the dashboards (dist/) and the public
// disclosure site (dist-public/). What Framework cannot do itself:
//  - It resolves a version for every `npm:` library its client runtime names (react, echarts,
//    duckdb-wasm, …, in recommendedLibraries.js) by asking registry.npmjs.org, even when no page
//    uses them — and an intranet has no registry. It asks only when its cache has no
//    `_npm/<name>@<version>` folder, so we seed those folders (empty: nothing is downloaded, and
//    no page of ours loads them; pages import their libraries from node_modules).
//  - It caches loader output forever: clear it so every loader reruns on the current warehouse.
//  - It has no `lang` option: every page gets `<html lang="zh-CN">` afterwards.
//  - Nothing in the output may name a CDN or web-font host.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { assertReplaceable, stagingDir, swapInto } from './publishDir.ts';

export const REPO = resolve(import.meta.dirname, '..', '..');
const FRAMEWORK = join(REPO, 'node_modules/@observablehq/framework');
export const FORBIDDEN_HOSTS = /jsdelivr|googleapis|gstatic|unpkg\.com|esm\.sh|extensions\.duckdb\.org|api\.observablehq\.com|registry\.npmjs\.org/;

export function walkFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walkFiles(p) : [p];
  });
}

/** The `npm:` package names Framework's client runtime refers to. */
export function frameworkNpmNames(frameworkDir = FRAMEWORK): string[] {
  const names = new Set<string>();
  for (const f of walkFiles(join(frameworkDir, 'dist/client'))) {
    if (!f.endsWith('.js')) continue;
    for (const m of readFileSync(f, 'utf8').matchAll(/["'`]npm:((?:@[\w.-]+\/)?[\w.-]+)/g)) names.add(m[1]);
  }
  return [...names].sort();
}

/** Create `<root>/.observablehq/cache/_npm/<name>@<version>` for each, so no version is asked for. */
export function seedOfflineNpmCache(srcRoot: string): string[] {
  const seeded: string[] = [];
  for (const name of frameworkNpmNames()) {
    const pkg = join(REPO, 'node_modules', name, 'package.json');
    const version = existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')).version as string) : '0.0.0';
    const cacheDir = join(srcRoot, '.observablehq/cache/_npm');
    const parent = join(cacheDir, name.startsWith('@') ? name.split('/')[0] : '');
    const base = name.split('/').pop()!;
    const have = existsSync(parent) && readdirSync(parent).some((d) => d.startsWith(`${base}@`));
    if (have) continue;
    mkdirSync(join(cacheDir, `${name}@${version}`), { recursive: true });
    seeded.push(`${name}@${version}`);
  }
  return seeded;
}

export interface FrameworkBuild {
  /** Framework's source root (src or src-public). */
  root: string;
  /** Config file, relative to the repo (default observablehq.config.js). */
  config?: string;
  /** The output folder: built beside it, checked, then swapped in (publishDir.ts). */
  out: string;
  /** The environment variable the config reads its output folder from. */
  outEnv: string;
  env?: Record<string, string>;
  /** Cached loader outputs to delete before the build, relative to <root>/.observablehq/cache. */
  clear?: string[];
  /** Run on the finished build before it goes live (files under the staging folder); throw to keep the live folder as it is. */
  finish?: (files: string[], dir: string) => void;
}

/**
 * `observable build` with telemetry off, offline, then `lang="zh-CN"` on every page, into a fresh
 * folder beside `out`; `finish` and the host check run there, and only then does it replace `out`.
 * Returns the files as they are in `out`.
 */
export async function buildFramework({ root, config, out, outEnv, env = {}, clear = ['data'], finish }: FrameworkBuild): Promise<string[]> {
  assertReplaceable(out);
  for (const c of clear) rmSync(join(root, '.observablehq/cache', c), { recursive: true, force: true });
  seedOfflineNpmCache(root);
  const staging = stagingDir(out);
  try {
    const files = await buildInto(staging, { root, config, env: { ...env, [outEnv]: staging } });
    finish?.(files, staging);
    swapInto(staging, out);
    return files.map((f) => join(out, relative(staging, f)));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function buildInto(out: string, { root, config, env }: { root: string; config?: string; env: Record<string, string> }): Promise<string[]> {
  const args = ['build', ...(config ? ['--config', config] : [])];
  const status = await new Promise<number>((done, fail) => {
    const child = spawn(join(REPO, 'node_modules/.bin/observable'), args, {
      cwd: REPO,
      stdio: 'inherit',
      // The loaders run through tsx: node_modules/.bin on PATH when not started by npm.
      env: { ...process.env, ...env, OBSERVABLE_TELEMETRY_DISABLE: '1', PATH: `${join(REPO, 'node_modules/.bin')}:${process.env.PATH}` },
    });
    child.on('error', fail);
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
  if (status !== 0) throw new Error(`observable build ${config ?? ''} failed (exit ${status})`);
  const files = walkFiles(out);
  for (const f of files.filter((f) => f.endsWith('.html'))) {
    writeFileSync(f, readFileSync(f, 'utf8').replace(/<html>/, '<html lang="zh-CN">'));
  }
  const offenders = files.filter((f) => /\.(html|js|css|json|csv)$/.test(f) && FORBIDDEN_HOSTS.test(readFileSync(f, 'utf8')));
  if (offenders.length) throw new Error(`these files reference a host outside the intranet:\n  ${offenders.join('\n  ')}`);
  return files;
}
