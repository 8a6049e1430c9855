// One vocabulary for every surface: vocabulary/ is imported by the dashboards (through the links
// src/vocabulary and src-public/vocabulary, since Framework serves only files under its root), the
// loaders, the report and the public build; nothing outside src/ imports src/components, and no
// copy of a vocabulary module exists anywhere else.
import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const VOCABULARY = join(ROOT, 'vocabulary');

/** Relative imports of a module, resolved (as test/importGraph.test.ts reads them). */
function importsOf(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)]
    .map((m) => resolve(dirname(path), m[1] ?? m[2]));
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const path = join(dir, name);
    if (lstatSync(path).isSymbolicLink()) return [];
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('the vocabulary', () => {
  test('is linked, not copied, under both Framework roots', () => {
    for (const root of ['src', 'src-public']) {
      const link = join(ROOT, root, 'vocabulary');
      expect(lstatSync(link).isSymbolicLink(), `${root}/vocabulary is a link`).toBe(true);
      expect(resolve(join(ROOT, root), readlinkSync(link))).toBe(VOCABULARY);
    }
    const modules = readdirSync(VOCABULARY);
    const elsewhere = ['data-loaders', 'src', 'src-public'].flatMap((d) => files(join(ROOT, d)))
      .filter((f) => modules.includes(f.split('/').at(-1)!) && /(format|labels|payable|fundColumns|cell)\.ts$/.test(f));
    expect(elsewhere.map((f) => relative(ROOT, f))).toEqual([]);
  });

  test('imports nothing outside itself, with the .js specifiers Framework follows', () => {
    for (const f of files(VOCABULARY)) {
      const specs = [...readFileSync(f, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
      expect(specs.filter((s) => !/^\.\/[A-Za-z]+\.js$/.test(s)), relative(ROOT, f)).toEqual([]);
    }
  });

  test('is what Node code imports: no loader, report or public module reaches into src/components', () => {
    const components = join(ROOT, 'src', 'components');
    const node = [...files(join(ROOT, 'data-loaders')), ...files(join(ROOT, 'src', 'data')), join(ROOT, 'src-public', 'data.tar.ts'), join(ROOT, 'src', 'reports', 'data.tar.ts')];
    const offenders = node.flatMap((f) => importsOf(f).filter((t) => t.startsWith(components)).map((t) => `${relative(ROOT, f)} → ${relative(ROOT, t)}`));
    expect(offenders).toEqual([]);
    // …and they do use it.
    const users = node.filter((f) => importsOf(f).some((t) => t.startsWith(VOCABULARY)));
    expect(users.map((f) => relative(ROOT, f))).toEqual(expect.arrayContaining([
      'data-loaders/report/renderReportHtml.ts', 'data-loaders/public/tables/fundAnnual.ts', 'src/data/config.json.ts',
    ]));
  });
});
