// The projection engine of the 政策模拟 page: the arithmetic of int_projection_population,
// int_projection_years, mart_projection and mart_projection_summary, step by step, in the browser.
// Every value is a fixed-point decimal held as a BigInt with 12 decimals (a DuckDB DECIMAL(38, 12));
// a product is rounded half away from zero to the scale the SQL casts it to, money to the fen, so
// the same inputs give the SQL's figures to the fen (test/projection/engine.test.ts runs this
// module against the marts). No imports and no DOM: Node and the browser both load it.

const S = 12;
const ONE = 10n ** 12n;

/** A decimal string ("-0.0315", "123.45") as a BigInt with 12 decimals; throws on more decimals. */
export function dec(value: string | number): bigint {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) throw new Error(`not a decimal: ${JSON.stringify(value)}`);
  const [, sign, int, frac = ''] = m;
  if (frac.length > S && /[1-9]/.test(frac.slice(S))) throw new Error(`more than ${S} decimals: ${text}`);
  const v = BigInt(int) * ONE + BigInt((frac + '0'.repeat(S)).slice(0, S));
  return sign ? -v : v;
}

/** n / 10^k rounded half away from zero (k ≥ 0). */
function shiftRound(n: bigint, k: bigint): bigint {
  if (k === 0n) return n;
  const d = 10n ** k;
  const q = n / d;
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  return twice >= d ? q + (n < 0n ? -1n : 1n) : q;
}

/** a × b rounded to `scale` decimals (12: DECIMAL(38, 12), 2: the fen), held at 12 decimals. */
export function mul(a: bigint, b: bigint, scale = S): bigint {
  return shiftRound(a * b, BigInt(2 * S - scale)) * 10n ** BigInt(S - scale);
}

/** Round to the fen (a cast to DECIMAL(18, 2)). */
export function fen(a: bigint): bigint {
  return shiftRound(a, BigInt(S - 2)) * 10n ** BigInt(S - 2);
}

/** n / d rounded half away from zero to 2 decimals, exactly (sql/macros/div_round_2.sql); null when d is 0. */
export function divRound2(n: bigint, d: bigint): bigint | null {
  if (d === 0n) return null;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 200n + ad) / (ad * 2n);
  return ((n < 0n) !== (d < 0n) ? -q : q) * 10n ** BigInt(S - 2);
}

/** A 12-decimal BigInt as a JS number (for charts and formats), null stays null. */
export function toNumber(a: bigint | null): number | null {
  if (a === null) return null;
  const q = a / ONE;
  return Number(q) + Number(a - q * ONE) / 1e12;
}

/** A 12-decimal BigInt as a decimal string with `digits` decimals (exact; for CSV). */
export function toText(a: bigint | null, digits = 2): string {
  if (a === null) return '';
  const r = shiftRound(a, BigInt(S - digits));
  const neg = r < 0n;
  const s = (neg ? -r : r).toString().padStart(digits + 1, '0');
  return `${neg ? '-' : ''}${digits ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s}`;
}

type Text = string | number;

/** mart_projection_funds: one fund's base year (values as the loader ships them: exact strings). */
export interface FundBase {
  city: string;
  scheme: string;
  base_year: number;
  horizon_years: number;
  /** null: the balance is not known (期初结余未提供, mart_fund_annual.balance_known): flows are still projected. */
  opening_balance: Text | null;
  income_contributions: Text;
  income_other: Text;
  expenditure_benefits: Text;
  expenditure_assessment: Text;
  expenditure_operator: Text;
  expenditure_other: Text;
  financing_per_head: Text;
  collection_ratio: Text;
  operator_ratio: Text;
  assessment_per_benefit_month: Text;
  other_income_per_participant: Text;
  other_expenditure_per_participant: Text;
}

/** mart_projection_inputs: one sex and age band of a fund. */
export interface Cell {
  sex: string;
  age_from: number;
  participants: Text;
  stay_rate: Text;
  advance_share: Text;
  entry_rate: Text;
  benefit_rate: Text;
  paid_per_benefit_month: Text;
}

/** A scenario (cfg_projection_scenario, via mart_projection_summary) or the page's sliders. */
export interface Scenario {
  population: 'held' | 'projected' | string;
  prevalence_shift: Text;
  take_up_growth: Text;
  unit_cost_growth: Text;
  financing_growth: Text;
  benefit_level: Text;
  /** The per-head standard from the year after the base (元/人·年); default: the base year's. */
  financing_per_head?: Text | null;
}

/** A cfg_surplus_band row (data/config.json `bands`). */
export interface Band {
  status: string;
  sort_order: number;
  basis: string;
  min_value: Text | null;
  min_inclusive: boolean;
  max_value: Text | null;
  max_inclusive: boolean;
}

export interface ProjectedYear {
  year: number;
  participants: bigint;
  benefit_months: bigint;
  financing_per_head: bigint;
  income_contributions: bigint;
  income_other: bigint;
  income_total: bigint;
  expenditure_benefits: bigint;
  expenditure_assessment: bigint;
  expenditure_operator: bigint;
  expenditure_other: bigint;
  expenditure_total: bigint;
  net: bigint;
  /** null where the fund's balance is not known */
  balance_end: bigint | null;
  months_payable: bigint | null;
  surplus_status: string | null;
  break_even_per_head: bigint | null;
}

export interface Projection {
  years: ProjectedYear[];
  /** First year (base included) whose balance is below 0, else null (also when the balance is not known). */
  depletion_year: number | null;
  first_deficit_year: number | null;
  break_even_first_year: bigint | null;
  break_even_last_year: bigint | null;
  /** The per-head standard, held from the year after the base, that ends the horizon at the healthy band's edges. */
  healthy_financing_low: bigint | null;
  healthy_financing_high: bigint | null;
}

const opt = (x: Text | null | undefined): bigint | null => (x === null || x === undefined || x === '' ? null : dec(x));

/** surplus_status(balance, expenditure, 12) of sql/macros/surplus_status.sql. */
export function surplusStatus(balance: bigint, expenditure: bigint, bands: Band[]): string | null {
  const months = 12n;
  for (const b of [...bands].sort((x, y) => x.sort_order - y.sort_order)) {
    const lo = opt(b.min_value);
    const hi = opt(b.max_value);
    if (b.basis === 'balance') {
      const okLo = lo === null || balance > lo || (b.min_inclusive && balance === lo);
      const okHi = hi === null || balance < hi || (b.max_inclusive && balance === hi);
      if (okLo && okHi) return b.status;
    } else if (b.basis === 'months_payable' && expenditure > 0n) {
      // balance × months against edge × expenditure, at 24 decimals on both sides
      const left = balance * months * ONE;
      const okLo = lo === null || left > lo * expenditure || (b.min_inclusive && left === lo * expenditure);
      const okHi = hi === null || left < hi * expenditure || (b.max_inclusive && left === hi * expenditure);
      if (okLo && okHi) return b.status;
    }
  }
  return null;
}

/** Participants by sex and band, year by year (the SQL population model, sql/intermediate). */
export function projectPopulation(cells: Cell[], scenario: Scenario, horizon: number): Map<string, bigint>[] {
  const keys = cells.map((c) => `${c.sex}|${c.age_from}`);
  const rates = cells.map((c) => ({ stay: dec(c.stay_rate), advance: dec(c.advance_share), entry: dec(c.entry_rate) }));
  // each sex's bands in order: the band below a cell is the previous index of the same sex
  const below = cells.map((c) => {
    const lower = cells.filter((d) => d.sex === c.sex && d.age_from < c.age_from).sort((a, b) => b.age_from - a.age_from)[0];
    return lower ? cells.indexOf(lower) : -1;
  });
  let persons = cells.map((c) => dec(c.participants));
  const out = [new Map(keys.map((k, i) => [k, persons[i]]))];
  for (let step = 0; step < horizon; step++) {
    if (scenario.population !== 'held') {
      const total = persons.reduce((a, b) => a + b, 0n);
      const survivors = persons.map((p, i) => mul(p, rates[i].stay));
      const advancing = survivors.map((s, i) => mul(s, rates[i].advance));
      persons = persons.map((_, i) => survivors[i] - advancing[i] + (below[i] >= 0 ? advancing[below[i]] : 0n) + mul(rates[i].entry, total));
    }
    out.push(new Map(keys.map((k, i) => [k, persons[i]])));
  }
  return out;
}

/** The fund's path under a scenario, base year first (as the SQL models compute it: mart_projection, mart_projection_summary). */
export function project(base: FundBase, cells: Cell[], scenario: Scenario, bands: Band[], healthy: { min: Text; max: Text }): Projection {
  const B = Number(base.base_year);
  const H = Number(base.horizon_years);
  const shift = ONE + dec(scenario.prevalence_shift);
  const takeUp = ONE + dec(scenario.take_up_growth);
  const costGrowth = ONE + dec(scenario.unit_cost_growth);
  const finGrowth = ONE + dec(scenario.financing_growth);
  const level = dec(scenario.benefit_level);
  const fB = dec(base.financing_per_head);
  const fLevel = scenario.financing_per_head === null || scenario.financing_per_head === undefined || scenario.financing_per_head === '' ? fB : dec(scenario.financing_per_head);
  const c = dec(base.collection_ratio);
  const r = dec(base.operator_ratio);
  const a = dec(base.assessment_per_benefit_month);
  const oiRate = dec(base.other_income_per_participant);
  const oeRate = dec(base.other_expenditure_per_participant);
  const contribB = dec(base.income_contributions);
  const otherIncomeB = dec(base.income_other);
  const benefitsB = dec(base.expenditure_benefits);
  const assessB = dec(base.expenditure_assessment);
  const operatorB = dec(base.expenditure_operator);
  const otherExpB = dec(base.expenditure_other);

  const population = projectPopulation(cells, scenario, H);
  // the band rates (both sexes carry the same)
  const bandRates = new Map<number, { rate: bigint; paid: bigint }>();
  for (const cell of cells) if (!bandRates.has(cell.age_from)) bandRates.set(cell.age_from, { rate: dec(cell.benefit_rate), paid: dec(cell.paid_per_benefit_month) });

  let demand = ONE;
  let cost = ONE;
  let financing = ONE;
  let balance = opt(base.opening_balance);
  const years: ProjectedYear[] = [];
  let baseMonths = 0n;
  let baseModelled = 0n;
  let baseParticipants = 0n;
  let fixed = 0n;
  for (let k = 0; k <= H; k++) {
    const year = B + k;
    if (k > 0) {
      demand = mul(mul(demand, shift), takeUp);
      cost = mul(cost, costGrowth);
      financing = mul(financing, finGrowth);
    }
    const cellsNow = population[k];
    const bandPersons = new Map<number, bigint>();
    let participants = 0n;
    for (const cell of cells) {
      const p = cellsNow.get(`${cell.sex}|${cell.age_from}`)!;
      bandPersons.set(cell.age_from, (bandPersons.get(cell.age_from) ?? 0n) + p);
      participants += p;
    }
    let months = 0n;
    let modelled = 0n;
    for (const [age, p] of bandPersons) {
      const { rate, paid } = bandRates.get(age)!;
      const capped = mul(rate, demand) < ONE ? mul(rate, demand) : ONE;
      const m = mul(mul(p, capped), 12n * ONE);
      months += m;
      modelled += mul(m, paid);
    }
    const price = k === 0 ? ONE : mul(cost, level);
    const perHead = k === 0 ? mul(fB, financing) : mul(fLevel, financing);
    if (k === 0) {
      baseMonths = months;
      baseModelled = modelled;
      baseParticipants = participants;
      fixed = contribB - mul(c, mul(baseParticipants, fB));
    }
    const contributions = contribB + mul(c, mul(participants, perHead) - mul(baseParticipants, fB), 2);
    const otherIncome = otherIncomeB + mul(oiRate, participants - baseParticipants, 2);
    const benefits = benefitsB + fen(mul(modelled, price) - baseModelled);
    const assessment = assessB + mul(a, mul(months, cost) - baseMonths, 2);
    const otherExp = otherExpB + mul(oeRate, participants - baseParticipants, 2);
    const operator = operatorB + mul(r, contributions - contribB, 2);
    const incomeTotal = contributions + otherIncome;
    const expenditureTotal = benefits + assessment + operator + otherExp;
    if (balance !== null) balance += incomeTotal - expenditureTotal;
    const breakEven = divRound2(
      benefits + assessment + otherExp + operatorB - mul(r, contribB) - otherIncome - mul(ONE - r, fixed),
      mul(mul(ONE - r, c), participants),
    );
    years.push({
      year,
      participants,
      benefit_months: months,
      financing_per_head: perHead,
      income_contributions: contributions,
      income_other: otherIncome,
      income_total: incomeTotal,
      expenditure_benefits: benefits,
      expenditure_assessment: assessment,
      expenditure_operator: operator,
      expenditure_other: otherExp,
      expenditure_total: expenditureTotal,
      net: incomeTotal - expenditureTotal,
      balance_end: balance,
      months_payable: balance !== null && balance >= 0n && expenditureTotal > 0n ? divRound2(balance * 12n, expenditureTotal) : null,
      surplus_status: balance === null ? null : surplusStatus(balance, expenditureTotal, bands),
      break_even_per_head: breakEven,
    });
  }

  // healthy band (mart_projection_summary): balance(H; F) = A + S·F, expenditure(H; F) = E0 + E1·F
  const later = years.slice(1);
  const last = years[years.length - 1];
  const nonOperator = (y: ProjectedYear) => y.expenditure_benefits + y.expenditure_assessment + y.expenditure_other;
  const A = (years[0].balance_end ?? 0n) + later.reduce((sum, y) => sum + mul(ONE - r, fixed) - operatorB + mul(r, contribB) + y.income_other - nonOperator(y), 0n);
  const Sf = later.reduce((sum, y) => sum + mul(mul(ONE - r, c), y.participants), 0n);
  const E0 = nonOperator(last) + operatorB + mul(r, fixed) - mul(r, contribB);
  const E1 = mul(mul(r, c), last.participants);
  const healthyAt = (m: bigint) => divRound2(mul(m, E0) - 12n * A, 12n * Sf - mul(m, E1));
  // no balance, no band to reach: the healthy range needs the balance it starts from
  const known = years[0].balance_end !== null;
  return {
    years,
    depletion_year: years.find((y) => y.balance_end !== null && y.balance_end < 0n)?.year ?? null,
    first_deficit_year: later.find((y) => y.income_total < y.expenditure_total)?.year ?? null,
    break_even_first_year: later[0]?.break_even_per_head ?? null,
    break_even_last_year: last.break_even_per_head,
    healthy_financing_low: known && later.length ? healthyAt(dec(healthy.min)) : null,
    healthy_financing_high: known && later.length ? healthyAt(dec(healthy.max)) : null,
  };
}
