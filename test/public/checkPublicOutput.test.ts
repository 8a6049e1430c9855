// The public build's own check (checkPublicOutput.ts) looks at structure — which pages, tables and
// columns are published — not at words in the data: hand-made output folders, and a real public
// build of a delivery whose institutions are named like an internal table and like formulas.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPublicOutput, walkFiles } from '../../data-loaders/public/checkPublicOutput.ts';
import { PUBLISHED_TABLES } from '../../data-loaders/public/published.ts';
import { buildPublic, run, sharedWarehouse } from '../support/demoWarehouse.ts';
import { parseCsv } from './attacker.ts';

/** An output folder with one page and one published table (JSON and CSV), as a build writes them. */
function outputWith(table: { name: string; columns: { key: string; label: string }[]; rows: Record<string, unknown>[] }, csvHeader?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ltci-check-'));
  writeFileSync(join(dir, 'index.html'), '<html lang="zh-CN"></html>');
  mkdirSync(join(dir, '_file', 'data'), { recursive: true });
  writeFileSync(join(dir, '_file', 'data', `${table.name}.0123abcd.json`), JSON.stringify(table));
  writeFileSync(join(dir, '_file', 'data', `${table.name}.4567cdef.csv`), `\uFEFF${csvHeader ?? table.columns.map((c) => c.label).join(',')}\r\n`);
  return dir;
}

const institutions = (extra: { key: string; label: string }[] = [], name = '海州区护理院') => ({
  name: 'institutions',
  columns: [...PUBLISHED_TABLES.institutions.map((key) => ({ key, label: key })), ...extra],
  rows: [{ ...Object.fromEntries(PUBLISHED_TABLES.institutions.map((k) => [k, null])), name, ...Object.fromEntries(extra.map((c) => [c.key, 'x'])) }],
});

describe('checkPublicOutput: structure, not words', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const check = (dir: string) => (dirs.push(dir), checkPublicOutput(dir));

  it('passes a published table whose data names an internal table', () => {
    expect(check(outputWith(institutions([], 'mart_fund_monthly 护理院（stg_settlement 分院）')))).toEqual([]);
  });

  it('fails a published table with a person-level column', () => {
    const problems = check(outputWith(institutions([{ key: 'person_no', label: '人员编号' }])));
    expect(problems.join('\n')).toMatch(/person-level columns person_no/);
    expect(problems.join('\n')).toMatch(/not published: person_no/);
  });

  it('fails a column, a table, a page or a file that is not published, and a CSV whose header differs', () => {
    expect(check(outputWith(institutions([{ key: 'phone', label: '电话' }]))).join('\n')).toMatch(/not published: phone/);
    expect(check(outputWith({ name: 'audit-findings', columns: [{ key: 'rule', label: '规则' }], rows: [] })).join('\n')).toMatch(/audit-findings is not published/);
    const dir = outputWith(institutions(), 'a,b');
    writeFileSync(join(dir, 'audit.html'), '<html></html>');
    writeFileSync(join(dir, '_file', 'data', 'ltci.duckdb'), '');
    const problems = check(dir).join('\n');
    expect(problems).toMatch(/audit\.html: a page that is not published/);
    expect(problems).toMatch(/ltci\.duckdb: a data file of a kind/);
    expect(problems).toMatch(/institutions\.4567cdef\.csv: header a,b differs/);
  });
});

describe('a public build of a delivery with institutions named like internal tables and formulas', () => {
  // The shared tiny delivery with three institutions renamed (each designated on the as-of date).
  const NAMES = ['mart_fund_monthly 护理院', '=HYPERLINK("http://example.invalid","点我")', '-1+2护理站'];
  let tmp: string;
  let out: string;
  let built: string;

  beforeAll(async () => {
    const wh = sharedWarehouse('ltci-odd-names-');
    tmp = wh.tmp;
    const delivery = join(tmp, 'delivery');
    mkdirSync(delivery);
    for (const f of readdirSync(wh.delivery!)) copyFileSync(join(wh.delivery!, f), join(delivery, f));
    const rows = parseCsv(readFileSync(join(delivery, 'institution.csv'), 'utf8'));
    const [head, ...body] = rows.filter((r) => r.length > 1);
    const open = body.filter((r) => r[head.indexOf('designated_to')] === '');
    open.slice(0, NAMES.length).forEach((r, i) => (r[head.indexOf('name')] = NAMES[i]));
    const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    writeFileSync(join(delivery, 'institution.csv'), [head, ...body].map((r) => r.map(field).join(',')).join('\n') + '\n');
    const db = join(tmp, 'odd.duckdb');
    await run(['bin/ltci.mjs', 'ingest', delivery, '--db', db]);
    await run(['bin/ltci.mjs', 'build', '--db', db]);
    out = join(tmp, 'dist-public');
    built = await buildPublic(db, out);
  }, 180_000);
  afterAll(() => tmp && rmSync(tmp, { recursive: true, force: true }));

  it('succeeds, and publishes the names as they are', () => {
    expect(built).toMatch(/only the published tables and columns/);
    const json = walkFiles(out).find((f) => /institutions\.[0-9a-f]+\.json$/.test(f))!;
    const names = (JSON.parse(readFileSync(json, 'utf8')) as { rows: { name: string }[] }).rows.map((r) => r.name);
    expect(NAMES.filter((n) => names.includes(n))).toEqual(NAMES);
  });

  it('writes them into the open-data CSV as text, never as formulas', () => {
    const csv = readFileSync(walkFiles(out).find((f) => /institutions\.[0-9a-f]+\.csv$/.test(f))!, 'utf8');
    const cells = parseCsv(csv).flat();
    expect(cells).toContain(`'=HYPERLINK("http://example.invalid","点我")`);
    expect(cells).toContain("'-1+2护理站");
    expect(cells.filter((c) => /^[=+\-@]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c))).toEqual([]);
  });
});
