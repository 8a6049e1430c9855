// A site build never deletes a folder it did not make, and a failed build or check leaves the live
// folder as it was (issue: LTCI_PUBLIC_OUT=/srv/www emptied the web root; LTCI_SITE_OUT pointed at
// the warehouse's folder deleted the warehouse and its key).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildFramework } from '../../data-loaders/site/framework.ts';
import { BUILD_MARK, assertReplaceable } from '../../data-loaders/site/publishDir.ts';

/** A one-page Framework project whose config reads its output folder from TINY_OUT. */
function tinyProject(dir: string, title: string): { root: string; config: string } {
  const root = join(dir, 'root');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'index.md'), `# ${title}\n`);
  const config = join(dir, 'tiny.config.js');
  writeFileSync(config, `export default {root: ${JSON.stringify(root)}, output: process.env.TINY_OUT, globalStylesheets: [], search: false};\n`);
  return { root, config };
}

const listing = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe('site output folders', () => {
  test('a folder with files the build did not make is refused and left whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltci-publish-'));
    const www = join(dir, 'www');
    mkdirSync(join(www, 'other-app'), { recursive: true });
    writeFileSync(join(www, 'other-app', 'index.html'), 'keep me');
    writeFileSync(join(www, 'ltci.duckdb'), 'a warehouse');
    expect(() => assertReplaceable(www)).toThrow(/did not make; it will not be replaced/);
    const { root, config } = tinyProject(dir, '一');
    await expect(buildFramework({ root, config, out: www, outEnv: 'TINY_OUT', clear: [] })).rejects.toThrow(/will not be replaced/);
    expect(readFileSync(join(www, 'other-app', 'index.html'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(www, 'ltci.duckdb'), 'utf8')).toBe('a warehouse');
  });

  test('a build replaces its own previous build; a failed check leaves it as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltci-publish-'));
    const out = join(dir, 'site');
    const first = tinyProject(join(dir, 'a'), '第一版');
    await buildFramework({ root: first.root, config: first.config, out, outEnv: 'TINY_OUT', clear: [] });
    expect(existsSync(join(out, BUILD_MARK))).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('第一版');
    const live = listing(out);

    const second = tinyProject(join(dir, 'b'), '第二版');
    const failing = buildFramework({
      root: second.root, config: second.config, out, outEnv: 'TINY_OUT', clear: [],
      finish: () => { throw new Error('the check found an internal name'); },
    });
    await expect(failing).rejects.toThrow(/internal name/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('第一版');
    expect(listing(out)).toEqual(live);
    expect(readdirSync(dir).filter((n) => n.includes('.ltci-building-'))).toEqual([]);

    await buildFramework({ root: second.root, config: second.config, out, outEnv: 'TINY_OUT', clear: [] });
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('第二版');
    expect(readdirSync(dir).filter((n) => n.startsWith('site'))).toEqual(['site']);
  });
});
