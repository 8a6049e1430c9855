// `npm run build:public`: the public disclosure site (observablehq.public.config.js) → dist-public/
// (LTCI_PUBLIC_OUT overrides). Like the main site's build:
//  1. drop the loaders' cached output so the archive loader reruns on the current warehouse;
//  2. `observable build --config observablehq.public.config.js`, telemetry off;
//  3. `<html lang="zh-CN">` on every page;
//  4. fail if any file names a CDN or font host, or anything internal (checkPublicOutput).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkPublicOutput, walkFiles } from './checkPublicOutput.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const out = resolve(repo, process.env.LTCI_PUBLIC_OUT ?? 'dist-public');

rmSync(join(repo, 'src-public/.observablehq/cache/data.tar'), { force: true });
rmSync(join(repo, 'src-public/.observablehq/cache/data'), { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });

const build = spawnSync(join(repo, 'node_modules/.bin/observable'), ['build', '--config', 'observablehq.public.config.js'], {
  cwd: repo,
  stdio: 'inherit',
  env: {
    ...process.env,
    OBSERVABLE_TELEMETRY_DISABLE: '1',
    LTCI_PUBLIC_OUT: out,
    PATH: `${join(repo, 'node_modules/.bin')}:${process.env.PATH}`,
  },
});
if (build.status !== 0) {
  console.error(`build:public: observable build failed (exit ${build.status ?? build.signal})`);
  process.exit(build.status || 1);
}

let pages = 0;
for (const f of walkFiles(out).filter((f) => f.endsWith('.html'))) {
  writeFileSync(f, readFileSync(f, 'utf8').replace(/<html>/, '<html lang="zh-CN">'));
  pages++;
}

const problems = checkPublicOutput(out);
if (problems.length) {
  console.error(`build:public: ${relative(repo, out)} must not be published:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`build:public: ${pages} pages in ${relative(repo, out) || '.'}, lang=zh-CN, no external hosts, no internal names`);
