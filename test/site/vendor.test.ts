// The dashboards load their libraries as one module (data-loaders/site/vendor.ts): the bundle
// exports what pages use, names no outside host, and no page or component of the dashboards goes
// back to bare imports (which Framework serves as ≈ 50 modules, docs/site.md "Offline").
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { writeVendorBundle } from '../../data-loaders/site/vendor.ts';
import { FORBIDDEN_HOSTS } from '../../data-loaders/site/framework.ts';
import { REPO } from '../support/demoWarehouse.ts';

const root = mkdtempSync(join(tmpdir(), 'ltci-vendor-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the vendor bundle', () => {
  test('exports Plot, d3, Inputs and htl from node_modules in one module, offline', async () => {
    const file = await writeVendorBundle(root);
    expect(file).toBe(join(root, 'components', 'vendor.js'));
    const code = readFileSync(file, 'utf8');
    expect(code).not.toMatch(FORBIDDEN_HOSTS);
    // One module: nothing left to fetch.
    expect(code).not.toMatch(/\bimport\s*[{*"'(]|\bfrom\s*["']/);
    const m = await import(pathToFileURL(file).href);
    expect(Object.keys(m).sort()).toEqual(['Inputs', 'Plot', 'd3', 'html', 'svg']);
    for (const f of [m.Plot.plot, m.Plot.barX, m.Plot.tip, m.d3.rollup, m.d3.sum, m.d3.utcDay, m.Inputs.table, m.Inputs.select, m.Inputs.radio, m.html]) {
      expect(typeof f).toBe('function');
    }
    const mtime = statSync(file).mtimeMs;
    await writeVendorBundle(root);
    expect(statSync(file).mtimeMs).toBe(mtime); // unchanged: a preview does not reload
  });

  test('no dashboard page or component imports a library by bare name', () => {
    const files = [
      ...readdirSync(join(REPO, 'src')).filter((f) => f.endsWith('.md')).map((f) => join(REPO, 'src', f)),
      ...readdirSync(join(REPO, 'src/reports')).filter((f) => f.endsWith('.md')).map((f) => join(REPO, 'src/reports', f)),
      ...readdirSync(join(REPO, 'src/components')).filter((f) => /\.(ts|js)$/.test(f) && !f.startsWith('vendor.')).map((f) => join(REPO, 'src/components', f)),
    ];
    expect(files.length).toBeGreaterThan(20);
    const bare = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+["']([^"'.][^"']*)["']/gm)].map((m) => `${f.slice(REPO.length + 1)}: ${m[1]}`),
    );
    expect(bare).toEqual([]);
  });
});
