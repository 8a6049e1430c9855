// Small-cell suppression (data-loaders/suppress.ts): hand-made tables and systems checked against a
// solver that tries to work the hidden cells out of the totals, then a real public build of a demo
// delivery given to an attacker with every published table and every sum they imply (attacker.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withWarehouse } from '../../data-loaders/db.ts';
import { generateDemo } from '../../data-loaders/demo/index.ts';
import {
  Disclosure, HIDDEN_LABEL, SMALL_LABEL, derived, determinedCells, shown, suppressCells, suppressTable,
  type Line, type MaskedCell, type MaskedTable,
} from '../../data-loaders/suppress.ts';
import { buildPublic, run } from '../support/demoWarehouse.ts';
import { attack, hiddenCells, readPublishedTables, type Table } from './attacker.ts';
import { sideKnowledge } from './sideKnowledge.ts';

/** Rank of a matrix (Gaussian elimination; the tables here are small integers). */
function rank(matrix: number[][]): number {
  const m = matrix.map((r) => [...r]);
  let rk = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && rk < m.length; c++) {
    const p = m.findIndex((row, i) => i >= rk && Math.abs(row[c]) > 1e-9);
    if (p < 0) continue;
    [m[rk], m[p]] = [m[p], m[rk]];
    for (let i = 0; i < m.length; i++) {
      if (i === rk) continue;
      const f = m[i][c] / m[rk][c];
      for (let j = c; j < cols; j++) m[i][j] -= f * m[rk][j];
    }
    rk++;
  }
  return rk;
}

/**
 * The hidden cells an intruder can compute exactly from the published cells and sums: cell i is
 * determined when the unit vector e_i lies in the row space of the sums restricted to hidden cells.
 */
function derivable(cells: MaskedCell[], lines: Line[]): number[] {
  const hidden = cells.flatMap((c, i) => (c.suppressed ? [i] : []));
  const rows = lines
    .filter((l) => l.total !== null)
    .map((l) => hidden.map((h) => (l.members.includes(h) ? 1 : 0) - (l.total === h ? 1 : 0)))
    .filter((r) => r.some((x) => x !== 0));
  if (!rows.length) return [];
  const base = rank(rows);
  return hidden.filter((_, k) => rank([...rows, hidden.map((__, j) => (j === k ? 1 : 0))]) === base);
}

/** The lines suppressTable uses, rebuilt independently for the solver. */
function tableLines(nRows: number, nCols: number): { lines: Line[]; flat: (t: MaskedTable) => MaskedCell[] } {
  const at = (r: number, c: number) => r * nCols + c;
  const rt = (r: number) => nRows * nCols + r;
  const ct = (c: number) => nRows * nCols + nRows + c;
  const g = nRows * nCols + nRows + nCols;
  const lines: Line[] = [];
  for (let r = 0; r < nRows; r++) lines.push({ total: rt(r), members: Array.from({ length: nCols }, (_, c) => at(r, c)) });
  for (let c = 0; c < nCols; c++) lines.push({ total: ct(c), members: Array.from({ length: nRows }, (_, r) => at(r, c)) });
  lines.push({ total: g, members: Array.from({ length: nRows }, (_, r) => rt(r)) });
  lines.push({ total: g, members: Array.from({ length: nCols }, (_, c) => ct(c)) });
  return { lines, flat: (t) => [...t.body.flat(), ...t.rowTotals!, ...t.colTotals!, t.grandTotal!] };
}

const grid = (t: MaskedTable) => t.body.map((row) => row.map(shown));

describe('suppressTable', () => {
  it('hides counts 1–10 and shows 0 and 11', () => {
    const t = suppressTable([[0, 1, 10, 11]], { rowTotals: false, colTotals: false });
    expect(grid(t)).toEqual([[0, SMALL_LABEL, SMALL_LABEL, 11]]);
  });

  it('a row with one small cell gets a second cell hidden (the next smallest), and so does its column', () => {
    // 5 is small. Row 0 then has one hidden cell: 20 (next smallest) goes too; column 0 likewise
    // loses 40; column 1 is left with one hidden cell (20), so 50 goes; then every row and column
    // with a hidden cell has two.
    const body = [
      [5, 20, 30],
      [40, 50, 60],
      [70, 80, 90],
    ];
    const t = suppressTable(body);
    expect(grid(t)).toEqual([
      [SMALL_LABEL, HIDDEN_LABEL, 30],
      [HIDDEN_LABEL, HIDDEN_LABEL, 60],
      [70, 80, 90],
    ]);
    // Totals are published unchanged and consistent with the true cells.
    expect(t.rowTotals!.map(shown)).toEqual([55, 150, 240]);
    expect(t.colTotals!.map(shown)).toEqual([115, 150, 180]);
    expect(shown(t.grandTotal!)).toBe(445);
    const { lines, flat } = tableLines(3, 3);
    expect(derivable(flat(t), lines)).toEqual([]);
  });

  it('a column with one small cell gets a second cell hidden', () => {
    // Only column totals published: column 1 has 3 hidden → the next smallest in it (12) goes.
    const t = suppressTable([[30, 12], [25, 3], [40, 90]], { rowTotals: false, colTotals: true });
    expect(grid(t)).toEqual([[30, HIDDEN_LABEL], [25, SMALL_LABEL], [40, 90]]);
    expect(t.colTotals!.map(shown)).toEqual([95, 105]);
  });

  it('hides the total when the small cell has no non-zero neighbour to hide', () => {
    // Row 0 is [4, 0, 0]: its total is 4 (small itself). Column 1 then has one hidden cell and only a
    // zero beside it, so its total goes; the margins follow until nothing can be derived.
    const body = [
      [4, 0, 0],
      [20, 30, 40],
    ];
    const t = suppressTable(body);
    expect(shown(t.rowTotals![0])).toBe(SMALL_LABEL);
    expect(t.body[0][1].suppressed).toBeNull(); // zeros are never hidden
    const { lines, flat } = tableLines(2, 3);
    const cells = flat(t);
    expect(derivable(cells, lines)).toEqual([]);
    for (const l of lines) {
      const hidden = [...l.members, l.total!].filter((i) => cells[i].suppressed).length;
      expect(hidden === 0 || hidden >= 2).toBe(true);
    }
  });

  it('hides more when rows and columns together give a cell away, not only one line alone', () => {
    // Found by the random search below: after the one-line rule (every line has 0 or ≥ 2 hidden
    // cells) the 6 in the bottom-left corner could still be solved from the sums combined.
    const body = [[1, 144, 190, 39], [61, 120, 90, 11], [30, 9, 4, 105], [110, 88, 3, 106], [6, 1, 5, 182]];
    const t = suppressTable(body);
    const { lines, flat } = tableLines(5, 4);
    expect(derivable(flat(t), lines)).toEqual([]);
    expect(t.body[4][0].suppressed).toBe('small');
  });

  it('leaves a table with no small cells alone', () => {
    const t = suppressTable([[11, 12], [13, 14]]);
    expect(grid(t)).toEqual([[11, 12], [13, 14]]);
    expect([...t.rowTotals!, ...t.colTotals!, t.grandTotal!].every((c) => !c.suppressed)).toBe(true);
  });

  it('on many random tables, never leaves a hidden cell that the totals give away', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 200; n++) {
      const nRows = 2 + Math.floor(rnd() * 4);
      const nCols = 2 + Math.floor(rnd() * 4);
      const body = Array.from({ length: nRows }, () =>
        Array.from({ length: nCols }, () => (rnd() < 0.3 ? Math.floor(rnd() * 11) : Math.floor(rnd() * 200))));
      const t = suppressTable(body);
      const { lines, flat } = tableLines(nRows, nCols);
      const cells = flat(t);
      // Every 1–10 cell is hidden, and no hidden cell can be solved for.
      cells.forEach((c) => { if (c.value >= 1 && c.value <= 10) expect(c.suppressed).toBe('small'); });
      expect(derivable(cells, lines), JSON.stringify(body)).toEqual([]);
    }
  });
});

describe('suppressCells', () => {
  it('iterates across lines until stable (a hierarchy: districts within a city)', () => {
    // city total 0 = districts 1 + 2; district 1 = categories 3 + 4; district 2 = categories 5 + 6.
    const values = [100, 33, 67, 3, 30, 20, 47];
    const lines: Line[] = [
      { total: 0, members: [1, 2] },
      { total: 1, members: [3, 4] },
      { total: 2, members: [5, 6] },
    ];
    const cells = suppressCells(values, lines);
    // 3 is small → 30 hidden in district 1; district 1 total stays shown (two hidden members).
    expect(cells.map(shown)).toEqual([100, 33, 67, SMALL_LABEL, HIDDEN_LABEL, 20, 47]);
    expect(derivable(cells, lines)).toEqual([]);
  });

  it('refuses totals that do not add up, and negative counts', () => {
    expect(() => suppressCells([5, 2, 2], [{ total: 0, members: [1, 2] }])).toThrow(/sum to 4/);
    expect(() => suppressCells([-1])).toThrow(/integers ≥ 0/);
  });
});

describe('derived', () => {
  it('hides a rate computed from a hidden count', () => {
    const [small, big] = suppressCells([4, 400]);
    expect(derived(0.25, small, big)).toBe(HIDDEN_LABEL);
    expect(derived(0.25, big)).toBe(0.25);
  });
});

/** The published cells of a Disclosure as a reader sees them, and its sums, for determinedCells. */
function asReader(d: Disclosure, names: string[], sums: [string, string[]][]): { cells: MaskedCell[]; lines: Line[] } {
  const at = new Map(names.map((n, i) => [n, i]));
  return { cells: names.map((n) => d.cell(n)), lines: sums.map(([t, ms]) => ({ total: at.get(t)!, members: ms.map((m) => at.get(m)!) })) };
}

describe('Disclosure: one system across tables', () => {
  it('hides an amount of 1–10 persons as "*", and the amount beside it in a sum of another table', () => {
    // The case: a year's 待遇支出 (fund table) = the fund's payments for the service types
    // (service table). 亲情护理 has 3 beneficiaries: its 3 550.00 is hidden for them, and one more
    // payment (the smallest, 社区日间照护 12 000.00) so that 待遇支出 − the rest gives only the sum of two.
    const d = new Disclosure();
    d.amount('benefits', 355000 + 1200000 + 8000000 + 9000000, 300);
    d.amount('home_family', 355000, 3);
    d.amount('community_day', 1200000, 40);
    d.amount('home_visit', 8000000, 120);
    d.amount('inst_medical', 9000000, 130);
    d.sum('benefits', ['home_family', 'community_day', 'home_visit', 'inst_medical']);
    d.run();
    expect(shown(d.cell('home_family'))).toBe(HIDDEN_LABEL); // an amount: never "<10"
    expect(d.cell('home_family').suppressed).toBe('small');
    expect(shown(d.cell('community_day'))).toBe(HIDDEN_LABEL);
    expect([d.cell('home_visit'), d.cell('inst_medical'), d.cell('benefits')].map(shown)).toEqual([8000000, 9000000, 18555000]);
    const { cells, lines } = asReader(d, ['benefits', 'home_family', 'community_day', 'home_visit', 'inst_medical'],
      [['benefits', ['home_family', 'community_day', 'home_visit', 'inst_medical']]]);
    expect(determinedCells(cells, lines)).toEqual([]);
  });

  it('follows a hidden cell through the sums of every table it is in, and hides where least follows', () => {
    // A month's 待遇支出 of 5 persons (month table) is in the month's total and in the year's sum of
    // months, which the service table gives too (approximately: service year against settlement year).
    const d = new Disclosure();
    const months = [[133500, 5, 40000], [900000, 40, 30000], [950000, 42, 35000]]; // benefits, persons, assessment fees
    months.forEach(([b, n, a], m) => {
      d.amount(`m${m}.benefits`, b, n);
      d.amount(`m${m}.assessment`, a, 20);
      d.amount(`m${m}.total`, b + a, n + 20, { weight: 2 });
      d.sum(`m${m}.total`, [`m${m}.benefits`, `m${m}.assessment`]);
    });
    d.sum(d.unknown('year.benefits', 133500 + 900000 + 950000), ['m0.benefits', 'm1.benefits', 'm2.benefits']);
    d.amount('svc.a', 1000000, 50);
    d.amount('svc.b', 983500, 45);
    d.sum('year.benefits', ['svc.a', 'svc.b'], { approximate: true });
    d.run();
    expect(d.cell('m0.benefits').suppressed).toBe('small');
    // Within the month: the assessment fees (the total is on one more sum). Within the year: a
    // service payment (on one sum) rather than another month's benefits (on two, so a third cell of
    // that month would follow); of the two payments the smaller.
    expect(['m0.assessment', 'svc.b'].map((n) => d.cell(n).suppressed)).toEqual(['complement', 'complement']);
    expect(['m0.total', 'm1.benefits', 'm1.assessment', 'm1.total', 'm2.benefits', 'm2.total', 'svc.a'].map((n) => d.cell(n).suppressed))
      .toEqual([null, null, null, null, null, null, null]);
    const names = ['m0.benefits', 'm0.assessment', 'm0.total', 'm1.benefits', 'm1.assessment', 'm1.total', 'm2.benefits', 'm2.assessment', 'm2.total', 'svc.a', 'svc.b', 'year.benefits'];
    const { cells, lines } = asReader(d, names, [
      ...[0, 1, 2].map((m) => [`m${m}.total`, [`m${m}.benefits`, `m${m}.assessment`]] as [string, string[]]),
      ['year.benefits', ['m0.benefits', 'm1.benefits', 'm2.benefits']], ['year.benefits', ['svc.a', 'svc.b']],
    ]);
    cells[names.indexOf('year.benefits')] = { value: 0, suppressed: 'complement' }; // unknown to the reader
    expect(determinedCells(cells, lines)).toEqual([]);
  });

  it('never hides a figure a reader may know, and a sum with a figure nobody knows gives nothing away', () => {
    // balance = opening (known to a reader, not published) + net. The net of 4 persons is hidden, so
    // the balance must go too: the opening cannot.
    const d = new Disclosure();
    d.known('opening', 500000);
    d.amount('net', 120000, 4);
    d.amount('balance', 620000, null);
    d.sum('balance', ['opening', 'net']);
    // all = employee + resident + settlements of no fund (never published, unknown): hiding nothing else
    d.amount('all', 1000000, 300);
    d.amount('employee', 600000, 150);
    d.amount('resident', 399000, 149);
    d.sum('all', ['employee', 'resident', d.unknown('no_fund', 1000)]);
    d.run();
    expect(['net', 'balance'].map((n) => d.cell(n).suppressed)).toEqual(['small', 'complement']);
    expect(d.cell('opening').suppressed).toBeNull();
    expect(['all', 'employee', 'resident'].map((n) => d.cell(n).suppressed)).toEqual([null, null, null]);
  });

  it('refuses one cell with two values, and a sum naming a cell no table added', () => {
    const d = new Disclosure();
    d.count('x', 12);
    expect(() => d.count('x', 13)).toThrow(/12 in one table and 13 in another/);
    d.sum('x', ['y']);
    expect(() => d.run()).toThrow(/names y/);
  });
});

// ---- A real public build, attacked with all it publishes

/** The demo delivery at 2 % of the base population: most cells large, some small — the mix complementary suppression is about. */
const MID_FACTOR = 0.02;

describe('an attacker with every published table of a public build', () => {
  let tmp: string;
  let db: string;
  let tables: Map<string, Table>;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'ltci-attack-'));
    const delivery = join(tmp, 'delivery');
    db = join(tmp, 'ltci.duckdb');
    await generateDemo({ out: delivery, scale: 'small', factor: MID_FACTOR, progress: () => {} });
    await run(['bin/ltci.mjs', 'ingest', delivery, '--db', db]);
    await run(['bin/ltci.mjs', 'build', '--db', db]);
    const out = join(tmp, 'dist-public');
    await buildPublic(db, out);
    tables = readPublishedTables(out);
  }, 240_000);
  afterAll(() => tmp && rmSync(tmp, { recursive: true, force: true }));

  it('reads every table of the build, and the build hides small and complementary cells in the fund, person and service tables', () => {
    expect([...tables.keys()].sort()).toEqual([
      'beneficiaries-by-level', 'districts', 'fund-annual', 'fund-monthly', 'institution-counts', 'institutions',
      'participants-beneficiaries', 'policy-documents', 'policy-overview', 'policy-parameters', 'service-types',
    ]);
    // Every table with a hidden cell is one whose sums the attacker writes down.
    const withHidden = [...tables.values()].filter((t) => t.rows.some((r) => Object.values(r).some((v) => v === '<10' || v === '*'))).map((t) => t.name).sort();
    expect(withHidden).toEqual(['beneficiaries-by-level', 'districts', 'fund-annual', 'fund-monthly', 'participants-beneficiaries', 'service-types']);
    expect(hiddenCells(tables)).toBeGreaterThan(100);
  });

  it('recovers no hidden cell from all the tables and the sums they imply', async () => {
    const recovered = attack(tables, await sideKnowledge(db));
    expect(recovered).toEqual([]);
  });

  it('is a real attack: a cell it may see, hidden alone, it recovers exactly', async () => {
    // One shown cell of each kind of sum is hidden by the test; the attacker must give back its value
    // (exactly where the sum is exact: these are).
    const side = await sideKnowledge(db);
    const cases: [string, (r: Table['rows'][number]) => boolean, string][] = [
      ['fund-monthly', (r) => r.city === '320100' && r.month === '2025-06', 'expenditure_benefits'],
      ['fund-monthly', (r) => r.city === '320100' && r.month === '2025-06', 'cumulative_balance'],
      ['fund-annual', (r) => r.city === '320100' && r.year === '2025' && r.scheme === '职工', 'net'],
      ['fund-annual', (r) => r.city === '320100' && r.year === '2024' && r.scheme === '合计', 'income_total'],
      ['districts', (r) => r.city === '320100' && r.year === '2025' && Number(r.participants) > 10, 'participants'],
    ];
    for (const [name, pick, column] of cases) {
      const copy = new Map([...tables].map(([k, t]) => [k, { ...t, rows: t.rows.map((r) => ({ ...r })) }]));
      const row = copy.get(name)!.rows.find(pick)!;
      const truth = String(row[column]);
      expect(truth, `${name} ${column}`).toMatch(/^-?\d/);
      row[column] = '*';
      const got = attack(copy, side).filter((x) => x.table === name && x.column === column);
      expect(got.map((x) => x.value), `${name} ${column}`).toEqual([column === 'participants' ? truth : Number(truth).toFixed(2)]);
    }
  });

  it('shows no amount made of 1–10 persons\' payments', async () => {
    const persons = await withWarehouse(db, ({ conn }) => queryRows(conn, `
        select city, strftime(period_start, '%Y-%m') as month, income_individual, income_fiscal, income_total,
            expenditure_benefits, expenditure_assessment, expenditure_total, net,
        from mart_public_fund_persons
        where scheme = 'all' and period_kind = 'month'`), { readOnly: true });
    let checked = 0;
    for (const r of tables.get('fund-monthly')!.rows) {
      const p = persons.find((x) => x.city === r.city && x.month === r.month);
      for (const m of ['income_individual', 'income_fiscal', 'income_total', 'expenditure_benefits', 'expenditure_assessment', 'expenditure_total', 'net']) {
        const n = Number(p?.[m] ?? 0);
        if (n >= 1 && n <= 10) (checked++, expect(r[m], `${r.city} ${r.month} ${m}: ${n} persons`).toBe('*'));
      }
    }
    for (const r of tables.get('service-types')!.rows) if (r.beneficiaries === '<10') (checked++, expect(r.fund_amt).toBe('*'));
    expect(checked).toBeGreaterThan(20);
  });
});
