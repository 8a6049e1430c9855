// Small-cell suppression on hand-made tables: the CMS rule (counts 1–10 hidden) and complementary
// suppression, checked against a solver that tries to work the hidden cells out of the totals.
import { describe, expect, it } from 'vitest';
import {
  HIDDEN_LABEL, SMALL_LABEL, derived, shown, suppressCells, suppressTable,
  type Line, type MaskedCell, type MaskedTable,
} from '../../data-loaders/suppress.ts';

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
