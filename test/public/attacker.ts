// An attacker with every table a public build publishes. It reads the open-data files of the built
// site (every JSON table, checked cell for cell against its CSV twin), writes down every sum the
// tables imply — each table's own totals and the identities between tables — and solves them for
// the hidden cells ("<10", "*") in exact integer arithmetic. Written apart from the suppression
// code (data-loaders/suppress.ts) on purpose: it knows the tables only as a reader does.
//
// What the reader is allowed to know besides the files (more than a real reader, to be safe):
// each fund's opening balance, and which city-years have no settlements of undetermined scheme
// (so that 合计 = 职工 + 城乡居民 holds exactly there). Elsewhere that remainder is an unknown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { walkFiles } from '../../data-loaders/site/framework.ts';

export type Cell = string | number | null;
export interface Table {
  name: string;
  columns: { key: string; label: string; kind: string }[];
  rows: Record<string, Cell>[];
}

/** What the reader knows besides the files (see the header). */
export interface SideKnowledge {
  /** Opening balance of a fund (`city|scheme`, scheme code employee / resident / all), in 元. */
  opening(city: string, scheme: string): string | null;
  /** 合计 − 职工 − 城乡居民 of a fund measure in a year, when it is zero (null: the reader does not know it). */
  remainderIsZero(city: string, year: string, measure: 'income_total' | 'expenditure_total' | 'net' | 'balance_end' | 'beneficiaries'): boolean;
}

export interface Recovered {
  table: string;
  row: string;
  column: string;
  /** The value the attacker computes (元 for money, persons for counts), rounded to cents. */
  value: string;
  how: 'linear' | 'ratio';
}

const HIDDEN = new Set(['<10', '*']);
const SCHEME_CODE: Record<string, string> = { 合计: 'all', 职工: 'employee', 城乡居民: 'resident' };
const MONEY = /^-?\d+(\.\d+)?$/;

/** RFC 4180 CSV → rows of fields (quotes, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/**
 * Every public table of a built site by name, from its JSON file, after checking that its CSV twin
 * holds the same cells (so attacking one is attacking both).
 */
export function readPublishedTables(dist: string): Map<string, Table> {
  const files = walkFiles(join(dist, '_file', 'data'));
  const tables = new Map<string, Table>();
  for (const f of files.filter((x) => x.endsWith('.json'))) {
    const t = JSON.parse(readFileSync(f, 'utf8')) as Table;
    if (!t.columns || !t.rows) continue; // meta.json
    const csvFile = files.find((x) => new RegExp(`[\\\\/]${t.name}\\.[0-9a-f]+\\.csv$`).test(x));
    if (!csvFile) throw new Error(`${t.name}: a JSON table with no CSV twin`);
    const csv = parseCsv(readFileSync(csvFile, 'utf8'));
    if (csv.length !== t.rows.length + 1) throw new Error(`${t.name}: CSV has ${csv.length - 1} rows, JSON ${t.rows.length}`);
    t.rows.forEach((r, i) => t.columns.forEach((c, j) => {
      const a = r[c.key] === null ? '' : String(r[c.key]);
      const b = csv[i + 1][j].replace(/^'(?=[=+\-@\t\r])/, ''); // a neutralised formula keeps its text
      if (a !== b) throw new Error(`${t.name} row ${i + 1} ${c.key}: JSON ${a} but CSV ${b}`);
    }));
    tables.set(t.name, t);
  }
  return tables;
}

/** A value in integer units (cents for money, persons for counts); null when not a number. */
function units(v: Cell, money: boolean): bigint | null {
  if (v === null || v === undefined || v === '') return null;
  const s = String(v);
  if (!MONEY.test(s)) return null;
  if (!money) return BigInt(s);
  const [i, f = ''] = s.replace('-', '').split('.');
  const cents = BigInt(i) * 100n + BigInt((f + '00').slice(0, 2));
  return s.startsWith('-') ? -cents : cents;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * A system of linear equations Σ coef·x = constant over named unknowns, solved exactly: which
 * unknowns it determines, and their values.
 */
class System {
  private names = new Map<string, number>();
  private rows: { coefs: Map<number, bigint>; constant: bigint }[] = [];
  /** Targets: the hidden published cells (free unknowns such as remainders are not targets). */
  targets = new Map<number, { table: string; row: string; column: string; money: boolean }>();

  unknown(name: string): number {
    if (!this.names.has(name)) this.names.set(name, this.names.size);
    return this.names.get(name)!;
  }

  /** Σ terms = 0, where a term is a coefficient and either a known value or an unknown's index. */
  equation(terms: [bigint, { known: bigint } | { unknown: number }][]): void {
    const coefs = new Map<number, bigint>();
    let constant = 0n;
    for (const [c, t] of terms) {
      if ('known' in t) constant -= c * t.known;
      else coefs.set(t.unknown, (coefs.get(t.unknown) ?? 0n) + c);
    }
    for (const [k, v] of coefs) if (v === 0n) coefs.delete(k);
    if (coefs.size) this.rows.push({ coefs, constant });
  }

  /** Row-reduce (fraction-free, each row divided by its gcd) and read off the determined unknowns. */
  solve(): Map<number, { num: bigint; den: bigint }> {
    const n = this.names.size;
    const rows = this.rows.map((r) => {
      const a = new Array<bigint>(n + 1).fill(0n);
      for (const [k, v] of r.coefs) a[k] = v;
      a[n] = r.constant;
      return a;
    });
    const pivots: { row: number; col: number }[] = [];
    let r = 0;
    for (let c = 0; c < n && r < rows.length; c++) {
      const p = rows.findIndex((row, i) => i >= r && row[c] !== 0n);
      if (p < 0) continue;
      [rows[r], rows[p]] = [rows[p], rows[r]];
      const piv = rows[r];
      for (let i = 0; i < rows.length; i++) {
        if (i === r || rows[i][c] === 0n) continue;
        const f = rows[i][c];
        const row = rows[i];
        let g = 0n;
        for (let j = 0; j <= n; j++) {
          row[j] = row[j] * piv[c] - piv[j] * f;
          if (row[j] !== 0n) g = gcd(g, row[j]);
        }
        if (g > 1n) for (let j = 0; j <= n; j++) row[j] /= g;
      }
      pivots.push({ row: r, col: c });
      r++;
    }
    const pivotCols = new Set(pivots.map((p) => p.col));
    const out = new Map<number, { num: bigint; den: bigint }>();
    for (const { row, col } of pivots) {
      const a = rows[row];
      let free = false;
      for (let j = 0; j < n; j++) if (j !== col && a[j] !== 0n && !pivotCols.has(j)) free = true;
      // In reduced form the other pivot columns are zero in this row; only free columns can remain.
      if (!free) out.set(col, { num: a[n], den: a[col] });
    }
    return out;
  }
}

function fmt(v: { num: bigint; den: bigint }, money: boolean): string {
  // Rounded to the unit (cents or persons): an identity that holds only nearly gives a near value.
  const scaled = Number(v.num) / Number(v.den);
  return money ? (scaled / 100).toFixed(2) : String(Math.round(scaled));
}

/**
 * Every hidden cell the published tables and the sums they imply give away.
 * `side` is what the reader is allowed to know besides the files.
 */
export function attack(tables: Map<string, Table>, side: SideKnowledge): Recovered[] {
  const sys = new System();
  const recovered: Recovered[] = [];
  const get = (name: string) => tables.get(name)?.rows ?? [];

  /** A term for a cell: its value, or an unknown if hidden; null when the cell holds no number. */
  const term = (table: string, row: string, column: string, v: Cell, money: boolean): { known: bigint } | { unknown: number } | null => {
    if (typeof v === 'string' && HIDDEN.has(v)) {
      const id = sys.unknown(`${table}|${row}|${column}`);
      sys.targets.set(id, { table, row, column, money });
      return { unknown: id };
    }
    const u = units(v, money);
    return u === null ? null : { known: u };
  };
  const free = (name: string) => ({ unknown: sys.unknown(`free|${name}`) });
  const known = (v: string | null, money = true) => (v === null ? null : { known: units(v, money)! });
  /** Add Σ coef·term = 0 unless a term holds no number. */
  const eq = (terms: [number, ReturnType<typeof term>][]) => {
    if (terms.some(([, t]) => t === null)) return;
    sys.equation(terms.map(([c, t]) => [BigInt(c), t!]));
  };

  // ---- 基金年度收支 (city, year, scheme)
  const annual = get('fund-annual');
  const aTerm = (r: Record<string, Cell>, col: string) =>
    term('fund-annual', `${r.city} ${r.year} ${r.scheme}`, col, r[col], true);
  const annualOf = new Map(annual.map((r) => [`${r.city}|${r.year}|${SCHEME_CODE[String(r.scheme)]}`, r]));
  for (const r of annual) {
    // 当期结余 = 收入 − 支出
    eq([[1, aTerm(r, 'income_total')], [-1, aTerm(r, 'expenditure_total')], [-1, aTerm(r, 'net')]]);
    // 年末累计结余 = 上年末 + 当期结余; the first year from the opening balance
    const scheme = SCHEME_CODE[String(r.scheme)];
    const prev = annualOf.get(`${r.city}|${Number(r.year) - 1}|${scheme}`);
    if (prev) eq([[1, aTerm(r, 'balance_end')], [-1, aTerm(prev, 'balance_end')], [-1, aTerm(r, 'net')]]);
    else eq([[1, aTerm(r, 'balance_end')], [-1, known(side.opening(String(r.city), scheme))], [-1, aTerm(r, 'net')]]);
    // 可支付月数 = 年末累计结余 ÷ (支出 ÷ 有支出的月数): a shown ratio and balance give the expenditure
    ratio(r, 'fund-annual', `${r.city} ${r.year} ${r.scheme}`, 'expenditure_total', 'balance_end', 'months_payable', (bal, mp) =>
      (bal * Number(r.months_covered ?? 12)) / mp);
  }
  // 合计 = 职工 + 城乡居民 (+ the remainder of undetermined scheme, unknown unless known zero)
  for (const r of annual.filter((x) => x.scheme === '合计')) {
    const parts = ['employee', 'resident'].map((s) => annualOf.get(`${r.city}|${r.year}|${s}`)).filter((x) => x) as Record<string, Cell>[];
    if (!parts.length) continue;
    for (const m of ['income_total', 'expenditure_total', 'net', 'balance_end'] as const) {
      const rest = side.remainderIsZero(String(r.city), String(r.year), m) ? [] : [[-1, free(`annual ${r.city} ${r.year} ${m}`)] as [number, ReturnType<typeof term>]];
      eq([[1, aTerm(r, m)], ...parts.map((p) => [-1, aTerm(p, m)] as [number, ReturnType<typeof term>]), ...rest]);
    }
  }

  // ---- 基金月度收支 (city, month), both schemes
  const monthly = get('fund-monthly');
  const mTerm = (r: Record<string, Cell>, col: string) => term('fund-monthly', `${r.city} ${r.month}`, col, r[col], true);
  const INCOME = ['income_individual', 'income_medical_fund', 'income_fiscal', 'income_employer', 'income_other'];
  const EXPENDITURE = ['expenditure_benefits', 'expenditure_assessment', 'expenditure_operator', 'expenditure_other'];
  const monthOf = new Map(monthly.map((r) => [`${r.city}|${r.month}`, r]));
  for (const r of monthly) {
    eq([[1, mTerm(r, 'income_total')], ...INCOME.map((c) => [-1, mTerm(r, c)] as [number, ReturnType<typeof term>])]);
    eq([[1, mTerm(r, 'expenditure_total')], ...EXPENDITURE.map((c) => [-1, mTerm(r, c)] as [number, ReturnType<typeof term>])]);
    eq([[1, mTerm(r, 'income_total')], [-1, mTerm(r, 'expenditure_total')], [-1, mTerm(r, 'net')]]);
    const [y, m] = String(r.month).split('-').map(Number);
    const prevKey = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    const prev = monthOf.get(`${r.city}|${prevKey}`);
    if (prev) eq([[1, mTerm(r, 'cumulative_balance')], [-1, mTerm(prev, 'cumulative_balance')], [-1, mTerm(r, 'net')]]);
    else eq([[1, mTerm(r, 'cumulative_balance')], [-1, known(side.opening(String(r.city), 'all'))], [-1, mTerm(r, 'net')]]);
  }
  // a year = the sum of its months; the year-end balance = December's (the last month in the data)
  const monthsOfYear = new Map<string, Record<string, Cell>[]>();
  for (const r of monthly) {
    const k = `${r.city}|${String(r.month).slice(0, 4)}`;
    monthsOfYear.set(k, [...(monthsOfYear.get(k) ?? []), r]);
  }
  for (const [k, unordered] of monthsOfYear) {
    const [city, year] = k.split('|');
    const ms = [...unordered].sort((a, b) => String(a.month).localeCompare(String(b.month)));
    const a = annualOf.get(`${city}|${year}|all`);
    if (a) {
      for (const c of ['income_total', 'expenditure_total', 'net']) eq([[1, aTerm(a, c)], ...ms.map((x) => [-1, mTerm(x, c)] as [number, ReturnType<typeof term>])]);
      eq([[1, aTerm(a, 'balance_end')], [-1, mTerm(ms.at(-1)!, 'cumulative_balance')]]);
    }
    // 待遇支出 of the year = the fund's payments summed over the service types
    const services = get('service-types').filter((s) => String(s.city) === city && String(s.year) === year);
    if (services.length) {
      eq([...ms.map((x) => [1, mTerm(x, 'expenditure_benefits')] as [number, ReturnType<typeof term>]),
        ...services.map((s) => [-1, term('service-types', `${s.city} ${s.year} ${s.service_type}`, 'fund_amt', s.fund_amt, true)] as [number, ReturnType<typeof term>])]);
    }
  }

  // ---- persons (city, year): 合计 = Σ 险种 = Σ 区县; beneficiaries also = Σ 失能等级
  const pTerm = (table: string, r: Record<string, Cell>, label: string, col: string) => term(table, `${r.city} ${r.year} ${label}`, col, r[col], false);
  const byCityYear = (name: string) => {
    const m = new Map<string, Record<string, Cell>[]>();
    for (const r of get(name)) m.set(`${r.city}|${r.year}`, [...(m.get(`${r.city}|${r.year}`) ?? []), r]);
    return m;
  };
  const schemesBy = byCityYear('participants-beneficiaries');
  const districtsBy = byCityYear('districts');
  const levelsBy = byCityYear('beneficiaries-by-level');
  for (const [k, rs] of schemesBy) {
    const [city, year] = k.split('|');
    const total = rs.find((r) => r.scheme === '合计');
    if (!total) continue;
    const parts = rs.filter((r) => r !== total);
    for (const col of ['participants', 'beneficiaries']) {
      const tot = pTerm('participants-beneficiaries', total, '合计', col);
      const rest = col === 'beneficiaries' && !side.remainderIsZero(city, year, 'beneficiaries') ? [[-1, free(`persons ${k}`)] as [number, ReturnType<typeof term>]] : [];
      if (parts.length) eq([[1, tot], ...parts.map((p) => [-1, pTerm('participants-beneficiaries', p, String(p.scheme), col)] as [number, ReturnType<typeof term>]), ...rest]);
      const ds = districtsBy.get(k) ?? [];
      if (ds.length) eq([[1, tot], ...ds.map((d) => [-1, pTerm('districts', d, String(d.admdvs), col)] as [number, ReturnType<typeof term>])]);
      const ls = levelsBy.get(k) ?? [];
      if (col === 'beneficiaries' && ls.length) eq([[1, tot], ...ls.map((l) => [-1, pTerm('beneficiaries-by-level', l, String(l.level), col)] as [number, ReturnType<typeof term>])]);
    }
    // 每千参保人享受待遇人数 with one of its two counts shown gives the other
    for (const r of rs) perThousand('participants-beneficiaries', r, String(r.scheme));
  }
  for (const r of get('districts')) perThousand('districts', r, String(r.admdvs));

  function perThousand(table: string, r: Record<string, Cell>, label: string) {
    if (!MONEY.test(String(r.beneficiaries_per_1000 ?? ''))) return;
    const rate = Number(r.beneficiaries_per_1000);
    const p = r.participants;
    const b = r.beneficiaries;
    const row = `${r.city} ${r.year} ${label}`;
    if (typeof b === 'string' && HIDDEN.has(b) && MONEY.test(String(p))) recovered.push({ table, row, column: 'beneficiaries', value: String(Math.round((rate * Number(p)) / 1000)), how: 'ratio' });
    if (typeof p === 'string' && HIDDEN.has(p) && MONEY.test(String(b)) && rate > 0) recovered.push({ table, row, column: 'participants', value: String(Math.round((1000 * Number(b)) / rate)), how: 'ratio' });
  }
  function ratio(r: Record<string, Cell>, table: string, row: string, target: string, a: string, b: string, f: (a: number, b: number) => number) {
    const t = r[target];
    if (!(typeof t === 'string' && HIDDEN.has(t))) return;
    if (!MONEY.test(String(r[a] ?? '')) || !MONEY.test(String(r[b] ?? '')) || Number(r[b]) === 0) return;
    recovered.push({ table, row, column: target, value: f(Number(r[a]), Number(r[b])).toFixed(2), how: 'ratio' });
  }

  for (const [id, v] of sys.solve()) {
    const t = sys.targets.get(id);
    if (t) recovered.push({ table: t.table, row: t.row, column: t.column, value: fmt(v, t.money), how: 'linear' });
  }
  return recovered;
}

/** How many hidden cells the tables hold (to say what share the attack got). */
export function hiddenCells(tables: Map<string, Table>): number {
  let n = 0;
  for (const t of tables.values()) for (const r of t.rows) for (const v of Object.values(r)) if (typeof v === 'string' && HIDDEN.has(v)) n++;
  return n;
}
