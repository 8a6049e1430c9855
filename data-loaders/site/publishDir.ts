// A site build writes into a fresh folder beside its output and swaps it in only once it is whole
// and checked. It never deletes a folder it did not make: LTCI_SITE_OUT=/srv/www or the warehouse's
// own folder is refused, not emptied.
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { UserError } from '../errors.ts';

/** Written into every folder a site build made; only such a folder is ever replaced. */
export const BUILD_MARK = '.ltci-site-build';
const STAGING = '.ltci-building-';

/** Was `dir` made by a site build? (Folders from before the mark existed: Framework's `_observablehq/` beside an index.html.) */
export function madeByBuild(dir: string): boolean {
  if (existsSync(join(dir, BUILD_MARK))) return true;
  return existsSync(join(dir, '_observablehq')) && existsSync(join(dir, 'index.html'));
}

/** Refuse an output that exists and is not a folder a site build made. */
export function assertReplaceable(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new UserError(`${out} is a file, not a site folder: choose another output folder`);
  if (readdirSync(out).length === 0 || madeByBuild(out)) return;
  throw new UserError(
    `${out} holds files this build did not make; it will not be replaced. ` +
      `Build into an empty or new folder (LTCI_SITE_OUT / LTCI_PUBLIC_OUT) and copy from there.`,
  );
}

/** A fresh, empty folder beside `out` to build into; stale ones from an interrupted build are removed first. */
export function stagingDir(out: string): string {
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  const prefix = `${basename(out)}${STAGING}`;
  for (const name of readdirSync(parent)) {
    if (name.startsWith(prefix)) rmSync(join(parent, name), { recursive: true, force: true });
  }
  const dir = mkdtempSync(join(parent, prefix));
  rmSync(dir, { recursive: true }); // Framework creates its output itself
  return dir;
}

/** Put the finished `staging` folder in place of `out` (the previous build, if any, is removed). */
export function swapInto(staging: string, out: string): void {
  assertReplaceable(out);
  writeFileSync(join(staging, BUILD_MARK), 'made by the ltci site build; replaced whole by the next build\n');
  if (!existsSync(out)) {
    renameSync(staging, out);
    return;
  }
  const old = `${staging}-old`;
  renameSync(out, old);
  renameSync(staging, out);
  rmSync(old, { recursive: true, force: true });
}
