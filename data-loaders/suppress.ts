// Small-cell suppression for the public disclosure site (docs/public.md), applied in Node before any
// value is written. This site's rule, serving 个人信息保护法 arts. 28–29 (health data is sensitive
// personal information) and the disclosure duty of 社会保险法 art. 70:
//  1. primary: a count of 1–10 persons is never shown ("<10"), nor an amount made of 1–10
//     persons' payments ("*");
//  2. complementary: more cells are hidden ("*") until no hidden cell is determined by the
//     published cells and every sum they are tied by — across all published tables at once;
//  3. a value computed from a hidden one (a rate, a share, an amount per person) is hidden too.

/** What a primary-suppressed count (1–10) shows. */
export const SMALL_LABEL = '<10';
/** What any other hidden cell shows: a complementary cell, an amount of 1–10 persons, a derived value. */
export const HIDDEN_LABEL = '*';
/** Counts (of persons, or of the persons behind an amount) from 1 to MAX_SMALL are suppressed; 0 is shown. */
export const MAX_SMALL = 10;

export function isSmallCount(n: number): boolean {
  return n >= 1 && n <= MAX_SMALL;
}

/** Why a cell is hidden: `small` (1–10 persons itself) or `complement` (so that no small one can be derived). */
export type Suppression = 'small' | 'complement' | null;

export interface MaskedCell {
  /** The true value (persons, or cents). Never publish it when `suppressed` is set: use `shown()`. */
  value: number;
  suppressed: Suppression;
  /** An amount shows "*" even when it is hidden for its own small count of persons. */
  kind?: 'count' | 'amount';
}

/**
 * A published sum: `total` = the sum of `members` (indexes into the flat list of cells). Mark it
 * `approximate` when the total is only close to the sum (a person counted once in the total but in
 * two members; a year of service against a year of settlement): it is protected the same way, as if
 * it were exact, but not checked.
 */
export interface Line {
  total: number | null;
  members: number[];
  approximate?: boolean;
}

/** One cell of a system of published sums. */
export interface CellSpec {
  /** Integer units: persons, or cents. */
  value: number;
  /** Hidden by the primary rule. */
  primary?: boolean;
  /**
   * `published` (default) is shown unless hidden; `unknown` is never published and a reader cannot
   * know it (a sum no table shows); `known` is never published but a reader may know it (an
   * opening balance): it is treated as shown and is never hidden.
   */
  visibility?: 'published' | 'unknown' | 'known';
  /** An `unknown` cell that must not be determined either (a remainder of 1–10 persons). */
  protect?: boolean;
  /** Weight against hiding it as a complement (key figures weigh more); default 1. */
  weight?: number;
  kind?: 'count' | 'amount';
}

/** The value to publish: the count or amount, "<10" or "*". */
export function shown(cell: MaskedCell): number | string {
  if (cell.suppressed === 'small' && cell.kind !== 'amount') return SMALL_LABEL;
  if (cell.suppressed) return HIDDEN_LABEL;
  return cell.value;
}

/** Suppress a flat list of counts tied together by published sums (see `suppress`). */
export function suppressCells(values: readonly number[], lines: readonly Line[] = []): MaskedCell[] {
  for (const [i, v] of values.entries()) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`suppressCells: cell ${i} is ${v}; counts must be integers ≥ 0`);
  }
  return suppress(values.map((value) => ({ value, primary: isSmallCount(value), kind: 'count' })), lines);
}

const EPS = 1e-9;

/** A sparse row: coefficient by cell index. */
type Row = Map<number, number>;

/**
 * Hide cells until no hidden cell (and no protected unknown one) is determined by the published
 * cells and the sums in `lines`.
 *
 * 1. Primary cells are hidden.
 * 2. The sums are row-reduced on the unknown cells (the hidden and the never-published ones). A
 *    hidden cell whose reduced row has no other unknown is determined, and that row is the reader's
 *    formula for it: a combination of published cells. One of those cells is hidden too — the one
 *    on the fewest sums (weighted), then the smallest, so the least is lost and the least follows.
 *    Zeros are never hidden (a reader may know a zero).
 * 3. Repeat until nothing is determined.
 */
export function suppress(specs: readonly CellSpec[], lines: readonly Line[] = []): MaskedCell[] {
  for (const line of lines) {
    if (line.total === null || line.approximate) continue;
    const sum = line.members.reduce((s, m) => s + specs[m].value, 0);
    if (specs[line.total].value !== sum) {
      throw new Error(`suppress: total cell ${line.total} is ${specs[line.total].value} but its members sum to ${sum}`);
    }
  }
  const cells: MaskedCell[] = specs.map((s) => ({
    value: s.value,
    suppressed: s.primary && (s.visibility ?? 'published') === 'published' ? 'small' : null,
    kind: s.kind,
  }));
  const visibility = specs.map((s) => s.visibility ?? 'published');
  const unknown = (i: number) => visibility[i] === 'unknown' || cells[i].suppressed !== null;
  const target = (i: number) => (visibility[i] === 'published' && cells[i].suppressed !== null) || (visibility[i] === 'unknown' && !!specs[i].protect);
  const rows: Row[] = lines.filter((l) => l.total !== null).map((l) => {
    const r: Row = new Map();
    for (const m of l.members) r.set(m, (r.get(m) ?? 0) + 1);
    r.set(l.total!, (r.get(l.total!) ?? 0) - 1);
    for (const [k, v] of r) if (v === 0) r.delete(k);
    return r;
  });
  const onLines = new Array<number>(specs.length).fill(0);
  for (const r of rows) for (const k of r.keys()) onLines[k]++;
  const cost = (i: number) => (specs[i].weight ?? 1) * onLines[i];
  const hideable = (i: number) => visibility[i] === 'published' && cells[i].suppressed === null && cells[i].value !== 0;

  for (;;) {
    const basis = reduce(rows, unknown);
    const exposed = [...basis].filter(([pivot, row]) => target(pivot) && [...row.keys()].every((k) => k === pivot || !unknown(k)));
    if (!exposed.length) return cells;
    // Several at once; a formula already broken by a cell hidden in this round waits for the next.
    const picked = new Set<number>();
    for (const [pivot, row] of exposed) {
      const uses = [...row.keys()].filter((k) => k !== pivot);
      if (uses.some((k) => picked.has(k))) continue;
      const pick = uses.filter(hideable).sort((a, b) => cost(a) - cost(b) || Math.abs(cells[a].value) - Math.abs(cells[b].value) || a - b)[0];
      if (pick === undefined) throw new Error(`suppress: cell ${pivot} can be derived and no cell is left to hide beside it`);
      cells[pick].suppressed = 'complement';
      picked.add(pick);
    }
  }
}

/**
 * Reduced row echelon form of the sums on the unknown cells: pivot cell → its row, with a
 * coefficient of 1 on the pivot, 0 on every other pivot, and the published cells the row uses.
 */
function reduce(rows: readonly Row[], unknown: (i: number) => boolean): Map<number, Row> {
  const basis = new Map<number, Row>();
  /** Pivot rows holding each unknown cell (to clear a new pivot out of them). */
  const holders = new Map<number, Set<number>>();
  const hold = (pivot: number, row: Row) => {
    for (const k of row.keys()) if (k !== pivot && unknown(k)) (holders.get(k) ?? holders.set(k, new Set()).get(k)!).add(pivot);
  };
  const axpy = (into: Row, f: number, from: Row) => {
    for (const [k, v] of from) {
      const x = (into.get(k) ?? 0) - f * v;
      if (Math.abs(x) < EPS) into.delete(k);
      else into.set(k, x);
    }
  };
  for (const line of rows) {
    if (![...line.keys()].some(unknown)) continue;
    const r: Row = new Map(line);
    for (const k of [...r.keys()]) {
      const p = basis.get(k);
      const f = r.get(k);
      if (p && f !== undefined) axpy(r, f, p);
    }
    let pivot = -1;
    for (const [k, v] of r) if (unknown(k) && (pivot < 0 || Math.abs(v) > Math.abs(r.get(pivot)!))) pivot = k;
    if (pivot < 0) continue; // a relation among published cells only
    const lead = r.get(pivot)!;
    for (const [k, v] of r) r.set(k, v / lead);
    for (const other of holders.get(pivot) ?? []) {
      const o = basis.get(other)!;
      const f = o.get(pivot);
      if (f === undefined) continue;
      axpy(o, f, r);
      hold(other, o);
    }
    holders.delete(pivot);
    basis.set(pivot, r);
    hold(pivot, r);
  }
  return basis;
}

/**
 * The hidden cells that the published cells and sums determine exactly (for a check; `suppress`
 * leaves none): every suppressed cell is unknown to the reader, every other cell is published.
 */
export function determinedCells(cells: readonly MaskedCell[], lines: readonly Line[]): number[] {
  const rows: Row[] = lines.filter((l) => l.total !== null).map((l) => {
    const r: Row = new Map();
    for (const m of l.members) r.set(m, (r.get(m) ?? 0) + 1);
    r.set(l.total!, (r.get(l.total!) ?? 0) - 1);
    for (const [k, v] of r) if (v === 0) r.delete(k);
    return r;
  });
  const unknown = (i: number) => cells[i].suppressed !== null;
  const basis = reduce(rows, unknown);
  return [...basis].filter(([p, row]) => [...row.keys()].every((k) => k === p || !unknown(k))).map(([p]) => p).sort((a, b) => a - b);
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
 * A value computed from others (a rate, a share, an amount per person) is hidden when any of the
 * cells it is computed from is hidden.
 */
export function derived<T>(value: T, ...from: (MaskedCell | null | undefined)[]): T | string {
  return from.some((c) => c?.suppressed) ? HIDDEN_LABEL : value;
}

/**
 * The cells of every published table, by name, and the sums that tie them — across tables: the
 * site builds one and suppresses it as a whole. Names are free text (`fund|320100|2027|all|net`);
 * a name added twice is one cell (it must carry one value), and a sum may name a cell added later.
 */
export class Disclosure {
  private specs: CellSpec[] = [];
  private index = new Map<string, number>();
  private sums: { total: string; members: string[]; approximate: boolean }[] = [];
  private masked: MaskedCell[] | null = null;

  private add(name: string, spec: CellSpec): string {
    if (this.masked) throw new Error(`Disclosure: ${name} added after run()`);
    const i = this.index.get(name);
    if (i === undefined) {
      this.index.set(name, this.specs.length);
      this.specs.push(spec);
    } else if (this.specs[i].value !== spec.value) {
      throw new Error(`Disclosure: ${name} is ${this.specs[i].value} in one table and ${spec.value} in another`);
    }
    return name;
  }

  /** A published count of persons: hidden when 1–10. */
  count(name: string, value: number, { weight }: { weight?: number } = {}): string {
    if (!Number.isInteger(value) || value < 0) throw new Error(`Disclosure: ${name} is ${value}; counts must be integers ≥ 0`);
    return this.add(name, { value, primary: isSmallCount(value), weight, kind: 'count' });
  }

  /**
   * A published amount, in cents, and how many persons' payments make it up (null: no person's,
   * such as ledger entries): hidden when 1–10 persons.
   */
  amount(name: string, cents: number, persons: number | null, { weight }: { weight?: number } = {}): string {
    if (!Number.isSafeInteger(cents)) throw new Error(`Disclosure: ${name} is ${cents}; amounts are whole cents`);
    return this.add(name, { value: cents, primary: persons !== null && isSmallCount(persons), weight, kind: 'amount' });
  }

  /** A figure no table publishes and a reader cannot know; `protect` when it is itself about 1–10 persons. */
  unknown(name: string, value: number, { protect = false }: { protect?: boolean } = {}): string {
    return this.add(name, { value, visibility: 'unknown', protect });
  }

  /** A figure no table publishes but a reader may know (an opening balance). */
  known(name: string, value: number): string {
    return this.add(name, { value, visibility: 'known' });
  }

  /** total = Σ members (skipped when there are no members). */
  sum(total: string, members: string[], { approximate = false }: { approximate?: boolean } = {}): void {
    if (members.length) this.sums.push({ total, members, approximate });
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  run(): void {
    const at = (n: string) => {
      const i = this.index.get(n);
      if (i === undefined) throw new Error(`Disclosure: a sum names ${n}, which no table added`);
      return i;
    };
    this.masked = suppress(this.specs, this.sums.map((s) => ({ total: at(s.total), members: s.members.map(at), approximate: s.approximate })));
  }

  cell(name: string): MaskedCell {
    if (!this.masked) throw new Error('Disclosure: run() first');
    const i = this.index.get(name);
    if (i === undefined) throw new Error(`Disclosure: no cell ${name}`);
    return this.masked[i];
  }

  /** How many published cells are hidden, by why. */
  counts(): { small: number; complement: number; cells: number } {
    const m = this.masked ?? [];
    const published = m.filter((_, i) => (this.specs[i].visibility ?? 'published') === 'published');
    return { small: published.filter((c) => c.suppressed === 'small').length, complement: published.filter((c) => c.suppressed === 'complement').length, cells: published.length };
  }
}
