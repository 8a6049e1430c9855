// Small-cell suppression for published counts (the CMS cell-size rule, docs/public.md):
// a count of 1–10 is never shown ("<10"), and complementary cells are hidden until no hidden
// value can be worked out from a published total and the other cells of its row or column.
// Applied in the public site's loaders, before any data leaves Node.

/** What a primary-suppressed count (1–10) shows. */
export const SMALL_LABEL = '<10';
/** What a complementary-suppressed cell (or a value derived from a hidden count) shows. */
export const HIDDEN_LABEL = '*';
/** Counts from 1 to MAX_SMALL are suppressed; 0 is shown. */
export const MAX_SMALL = 10;

export function isSmallCount(n: number): boolean {
  return n >= 1 && n <= MAX_SMALL;
}

/** Why a cell is hidden: `small` (1–10 itself) or `complement` (hidden so a small one cannot be derived). */
export type Suppression = 'small' | 'complement' | null;

export interface MaskedCell {
  /** The true count. Never publish it when `suppressed` is set: use `shown()`. */
  value: number;
  suppressed: Suppression;
}

/**
 * A published sum: `total` = the sum of `members` (indexes into the flat list of cells). Mark it
 * `approximate` when the total is only close to the sum (persons counted once in the total but in
 * two members, e.g. someone who moved district within the year): it is protected the same way, as
 * if it were exact, but not checked.
 */
export interface Line {
  total: number | null;
  members: number[];
  approximate?: boolean;
}

/** The value to publish: the count, "<10" or "*". */
export function shown(cell: MaskedCell): number | string {
  if (cell.suppressed === 'small') return SMALL_LABEL;
  if (cell.suppressed === 'complement') return HIDDEN_LABEL;
  return cell.value;
}

/**
 * Suppress a flat list of counts tied together by published sums.
 *
 * 1. Primary: every count from 1 to 10 is hidden (0 is shown).
 * 2. Complementary (the CMS rule): a line (a total and its members) with exactly one hidden cell
 *    gives that cell away, so the smallest non-zero shown member is hidden too (ties: the first);
 *    if no member is left to hide, the total is hidden. Repeat until no line has exactly one.
 * 3. Audit: the rule in 2 looks at one line at a time, but lines combined can still pin a hidden
 *    cell down (e.g. a row and a column sharing two hidden cells with a third). Solve the published
 *    sums for the hidden cells; while one is determined, hide the smallest non-zero shown member of
 *    a line through it (the one with the fewest hidden cells), and go back to 2.
 */
export function suppressCells(values: readonly number[], lines: readonly Line[] = []): MaskedCell[] {
  for (const [i, v] of values.entries()) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`suppressCells: cell ${i} is ${v}; counts must be integers ≥ 0`);
  }
  for (const line of lines) {
    const sum = line.members.reduce((s, m) => s + values[m], 0);
    if (line.total !== null && !line.approximate && values[line.total] !== sum) {
      throw new Error(`suppressCells: total cell ${line.total} is ${values[line.total]} but its members sum to ${sum}`);
    }
  }
  const cells: MaskedCell[] = values.map((value) => ({ value, suppressed: isSmallCount(value) ? 'small' : null }));
  const sums = lines.filter((l): l is Line & { total: number } => l.total !== null);
  const hideNextIn = (line: Line & { total: number }): boolean => {
    const candidates = line.members
      .filter((i) => !cells[i].suppressed && cells[i].value > 0)
      .sort((a, b) => cells[a].value - cells[b].value || a - b);
    // No non-zero member left: the hidden member equals the total, so hide the total.
    const pick = candidates[0] ?? (cells[line.total].suppressed || cells[line.total].value === 0 ? undefined : line.total);
    if (pick === undefined) return false;
    cells[pick].suppressed = 'complement';
    return true;
  };
  for (;;) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const line of sums) {
        const hidden = [...line.members, line.total].filter((i) => cells[i].suppressed);
        if (hidden.length === 1) changed = hideNextIn(line) || changed;
      }
    }
    const exposed = determinedCells(cells, sums);
    if (!exposed.length) return cells;
    const through = sums
      .filter((l) => l.total === exposed[0] || l.members.includes(exposed[0]))
      .sort((a, b) => hiddenIn(a) - hiddenIn(b));
    if (!through.some(hideNextIn)) {
      throw new Error(`suppressCells: cell ${exposed[0]} can be derived and no cell is left to hide beside it`);
    }
  }
  function hiddenIn(line: Line & { total: number }): number {
    return [...line.members, line.total].filter((i) => cells[i].suppressed).length;
  }
}

/**
 * The hidden cells that the published cells and sums determine exactly: cell i is determined when
 * the unit vector e_i lies in the row space of the sums' coefficients on the hidden cells.
 */
export function determinedCells(cells: readonly MaskedCell[], lines: readonly Line[]): number[] {
  const hidden = cells.flatMap((c, i) => (c.suppressed ? [i] : []));
  const rows = lines
    .filter((l) => l.total !== null)
    .map((l) => hidden.map((h) => (l.members.includes(h) ? 1 : 0) - (l.total === h ? 1 : 0)))
    .filter((r) => r.some((x) => x !== 0));
  if (!rows.length) return [];
  const reduced = rowReduce(rows);
  // e_k is in the row space iff reducing it against the echelon rows leaves zero.
  return hidden.filter((_, k) => {
    const v = hidden.map((__, j) => (j === k ? 1 : 0));
    for (const { row, pivot } of reduced) {
      const f = v[pivot];
      if (f !== 0) for (let j = 0; j < v.length; j++) v[j] -= f * row[j];
    }
    return v.every((x) => Math.abs(x) < 1e-9);
  });
}

/** Reduced row echelon form: rows with a leading 1 at `pivot`. */
function rowReduce(matrix: number[][]): { row: number[]; pivot: number }[] {
  const m = matrix.map((r) => [...r]);
  const out: { row: number[]; pivot: number }[] = [];
  const cols = m[0].length;
  let r = 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p], m[r]];
    const lead = m[r][c];
    for (let j = 0; j < cols; j++) m[r][j] /= lead;
    for (let i = 0; i < m.length; i++) {
      if (i === r || Math.abs(m[i][c]) < 1e-12) continue;
      const f = m[i][c];
      for (let j = 0; j < cols; j++) m[i][j] -= f * m[r][j];
    }
    out.push({ row: m[r], pivot: c });
    r++;
  }
  return out;
}

export interface MaskedTable {
  body: MaskedCell[][];
  /** One per row (the sum across columns), when asked for. */
  rowTotals: MaskedCell[] | null;
  /** One per column (the sum down rows), when asked for. */
  colTotals: MaskedCell[] | null;
  /** The grand total, when both margins are published. */
  grandTotal: MaskedCell | null;
}

/**
 * Suppress a rows × columns table of counts and the margins that will be published with it.
 * Without margins, only the primary rule applies (nothing can be derived).
 */
export function suppressTable(
  body: readonly (readonly number[])[],
  { rowTotals = true, colTotals = true }: { rowTotals?: boolean; colTotals?: boolean } = {},
): MaskedTable {
  const nRows = body.length;
  const nCols = nRows ? body[0].length : 0;
  if (body.some((r) => r.length !== nCols)) throw new Error('suppressTable: rows differ in length');
  const values: number[] = body.flat();
  const at = (r: number, c: number) => r * nCols + c;
  const lines: Line[] = [];
  const rowTotalIdx: number[] = [];
  const colTotalIdx: number[] = [];
  if (rowTotals) {
    for (let r = 0; r < nRows; r++) {
      rowTotalIdx.push(values.length);
      values.push(body[r].reduce((s, v) => s + v, 0));
      lines.push({ total: rowTotalIdx[r], members: body[r].map((_, c) => at(r, c)) });
    }
  }
  if (colTotals) {
    for (let c = 0; c < nCols; c++) {
      colTotalIdx.push(values.length);
      values.push(body.reduce((s, row) => s + row[c], 0));
      lines.push({ total: colTotalIdx[c], members: body.map((_, r) => at(r, c)) });
    }
  }
  let grandIdx: number | null = null;
  if (rowTotals && colTotals) {
    grandIdx = values.length;
    values.push(body.flat().reduce((s, v) => s + v, 0));
    lines.push({ total: grandIdx, members: rowTotalIdx }, { total: grandIdx, members: colTotalIdx });
  }
  const cells = suppressCells(values, lines);
  return {
    body: body.map((row, r) => row.map((_, c) => cells[at(r, c)])),
    rowTotals: rowTotals ? rowTotalIdx.map((i) => cells[i]) : null,
    colTotals: colTotals ? colTotalIdx.map((i) => cells[i]) : null,
    grandTotal: grandIdx === null ? null : cells[grandIdx],
  };
}

/**
 * A value computed from counts (a rate, a share, an amount per person) is hidden when any of the
 * counts it is computed from is hidden.
 */
export function derived<T>(value: T, ...from: MaskedCell[]): T | string {
  return from.some((c) => c.suppressed) ? HIDDEN_LABEL : value;
}
