// ltci demo: determinism, encodings, a clean load, the audit reproducing the answer key, and
// the distributions docs/demo.md promises.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../data-loaders/config.ts';
import { queryRows, withWarehouse } from '../../data-loaders/db.ts';
import { ANOMALY_RATES } from '../../data-loaders/demo/anomalies.ts';
import { DEMO_COHORTS } from '../../data-loaders/demo/cities.ts';
import { generateDemo, type DemoOptions } from '../../data-loaders/demo/index.ts';
import { ENROLMENT_BREAKAGES, SETTLEMENT_BREAKAGES } from '../../data-loaders/demo/malformed.ts';
import { ingestDeliveries } from '../../data-loaders/ingest/index.ts';
import { runModels } from '../../data-loaders/models.ts';
import { loadPolicyCatalog } from '../../data-loaders/policy/index.ts';

/**
 * Expenditure / income of each city's fund in its mature years (from the second full year after the
 * start; Lianyungang, first year 2027, has none) and months payable at the end of 2027, on the
 * `small` delivery of seed 1 that `ltci refresh` builds (docs/demo.md, "Fund calibration").
 */
const FUND_BANDS = [
  { city: '320100', from: 2023, ratio: [0.85, 1.1], monthsPayable2027: [9, 15] },
  { city: '320800', from: 2025, ratio: [0.95, 1.25], monthsPayable2027: [6, 10] },
  { city: '370800', from: 2024, ratio: [0.8, 1.2], monthsPayable2027: [3, 9] },
  { city: '320700', from: 2028, ratio: [0, 0], monthsPayable2027: [9, 30] },
] as const;

const root = mkdtempSync(join(tmpdir(), 'ltci-demo-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const dir = (name: string) => join(root, name);
const gen = (name: string, opts: Omit<DemoOptions, 'out'>) => generateDemo({ out: dir(name), ...opts });
const files = (d: string) => readdirSync(d).sort();

/** Ingest a delivery, build the models, and return the audit findings as "settlement_id,rule" lines. */
async function ingestAndAudit(delivery: string) {
  const db = join(root, `${delivery.split('/').pop()}.duckdb`);
  const ingest = await ingestDeliveries(db, [delivery], { loadId: () => 'demo-test' });
  const findings = await withWarehouse(db, async ({ conn }) => {
    await loadPolicyCatalog(conn);
    await loadConfig(conn);
    await runModels(conn);
    const rows = await queryRows(conn, `select distinct settlement_id, rule from mart_audit_findings order by all`);
    const rejects = await queryRows(conn, `select file, line, rule from load_rejects order by file, line`);
    return { findings: rows.map((r) => `${r.settlement_id},${r.rule}`), rejects };
  });
  return { files: ingest.deliveries[0].files, ...findings };
}

function answerKey(delivery: string): string[] {
  const [header, ...lines] = readFileSync(join(delivery, 'answer-key.csv'), 'utf8').trim().split('\n');
  expect(header).toBe('settlement_id,rule');
  return lines.sort();
}

describe('ltci demo (tiny)', () => {
  beforeAll(async () => {
    await gen('a', { scale: 'tiny', seed: 7 });
    await gen('b', { scale: 'tiny', seed: 7, threads: 1 });
    await gen('c', { scale: 'tiny', seed: 8 });
  });

  it('writes one file per kind, the malformed files and the answer key', () => {
    expect(files(dir('a'))).toEqual([
      'answer-key.csv', 'assessment.csv', 'enrolment-malformed.csv', 'enrolment.csv', 'inpatient.csv', 'institution.csv',
      'ledger.csv', 'settlement-malformed.csv', 'settlement.csv', 'visit.csv', 'work_injury.csv',
    ]);
  });

  it('is byte-identical for the same seed, whatever the thread count', () => {
    for (const f of files(dir('a'))) expect(readFileSync(join(dir('b'), f)).equals(readFileSync(join(dir('a'), f))), f).toBe(true);
  });

  it('differs for another seed', () => {
    for (const f of ['enrolment.csv', 'settlement.csv', 'answer-key.csv']) {
      expect(readFileSync(join(dir('c'), f)).equals(readFileSync(join(dir('a'), f))), f).toBe(false);
    }
  });

  it('writes Parquet deterministically too', async () => {
    await gen('pa', { scale: 'tiny', seed: 7, format: 'parquet' });
    await gen('pb', { scale: 'tiny', seed: 7, format: 'parquet', threads: 1 });
    expect(files(dir('pa'))).toContain('settlement.parquet');
    for (const f of files(dir('pa'))) expect(readFileSync(join(dir('pb'), f)).equals(readFileSync(join(dir('pa'), f))), f).toBe(true);
  });

  it('writes GB18030 with Chinese headers that decode to the UTF-8 delivery', async () => {
    await gen('gb', { scale: 'tiny', seed: 7, encoding: 'gb18030' });
    await gen('zh', { scale: 'tiny', seed: 7, headers: 'zh' });
    const gbText = new TextDecoder('gb18030').decode(readFileSync(join(dir('gb'), 'institution.csv')));
    expect(gbText.split('\n')[0]).toBe('机构编号,机构名称,医保区划,机构类别,医院等级,定点开始日期,定点终止日期,护理床位数');
    expect(readFileSync(join(dir('gb'), 'institution.csv')).equals(readFileSync(join(dir('zh'), 'institution.csv')))).toBe(false);
    for (const f of files(dir('zh')).filter((n) => n !== 'answer-key.csv')) {
      expect(new TextDecoder('gb18030').decode(readFileSync(join(dir('gb'), f))), f).toBe(readFileSync(join(dir('zh'), f), 'utf8'));
    }
  });

  it('loads with zero rejects outside the malformed files, and every malformed row rejected for its documented rule', async () => {
    const { files: loaded, rejects } = await ingestAndAudit(dir('a'));
    for (const f of loaded) {
      if (f.file.includes('-malformed')) expect(f.rows_rejected, f.file).toBe(f.rows_read);
      else expect([f.file, f.rows_rejected, f.rows_loaded]).toEqual([f.file, 0, f.rows_read]);
    }
    expect(loaded.find((f) => f.file.endsWith('/settlement.csv'))!.rows_read).toBeGreaterThan(50);
    const byFile = (name: string) => rejects.filter((r) => String(r.file).endsWith(name)).map((r) => r.rule);
    expect(byFile('settlement-malformed.csv')).toEqual(SETTLEMENT_BREAKAGES.map((b) => b.rule));
    expect(byFile('enrolment-malformed.csv')).toEqual(ENROLMENT_BREAKAGES.map((b) => b.rule));
  });

  it('holds no date after the end of the delivery (--end), except coverage paid in advance for next year', async () => {
    await gen('end', { scale: 'tiny', factor: 0.005, seed: 7, end: '2026-10' });
    for (const [name, end] of [['a', '2027-12-31'], ['end', '2026-10-31']] as const) {
      const d = dir(name);
      const instance = await DuckDBInstance.create(':memory:');
      const conn = await instance.connect();
      try {
        const csv = (kind: string) => `read_csv('${d}/${kind}.csv', all_varchar = true)`;
        // every date on which something happened, file by file
        const events = [
          ['enrolment', 'paid_date'], ['enrolment', 'birth_date'], ['assessment', 'apply_date'], ['assessment', 'conclusion_date'],
          ['institution', 'designated_from'], ['institution', 'designated_to'], ['settlement', 'settled_date'],
          ['settlement', "service_month || '-01'"], ['visit', 'check_in'], ['visit', 'check_out'], ['ledger', 'entry_date'],
        ];
        for (const [kind, col] of events) {
          const [r] = await queryRows(conn, `select count(*)::INTEGER as n, max(${col}) as latest from ${csv(kind)} where (${col})::DATE > DATE '${end}'`);
          expect([name, kind, col, r.n, r.latest]).toEqual([name, kind, col, 0, null]);
        }
        // coverage after the end only for contributions already paid (next year's, paid in Sep–Dec)
        const [c] = await queryRows(conn, `
select
    count(*) filter (where paid_date is null or paid_date::DATE > DATE '${end}' or month(paid_date::DATE) < 9)::INTEGER as bad,
    count(*)::INTEGER as prepaid,
from ${csv('enrolment')}
where coverage_start::DATE > DATE '${end}'`);
        expect(c.bad, name).toBe(0);
        if (name === 'a') expect(c.prepaid).toBeGreaterThan(0);
      } finally {
        conn.closeSync();
        instance.closeSync();
      }
    }
  });

  it('the audit reproduces the answer key exactly (precision = recall = 1)', async () => {
    const key = answerKey(dir('a'));
    const rules = new Set(key.map((l) => l.split(',')[1]));
    expect(rules.size).toBeGreaterThanOrEqual(8);
    const { findings } = await ingestAndAudit(dir('a'));
    expect(findings).toEqual(key);
  });
});

describe('ltci demo (a small city: 1 % of the base population, whole history)', () => {
  it('plants every one of the thirteen audit rules and the audit finds exactly those', async () => {
    await gen('f01', { scale: 'tiny', factor: 0.01, seed: 3 });
    const key = answerKey(dir('f01'));
    expect(new Set(key.map((l) => l.split(',')[1]))).toEqual(new Set(Object.keys(ANOMALY_RATES)));
    const { findings, files: loaded } = await ingestAndAudit(dir('f01'));
    expect(loaded.filter((f) => !f.file.includes('-malformed')).every((f) => f.rows_rejected === 0)).toBe(true);
    expect(findings).toEqual(key);
  });
});

describe('ltci demo distributions (5 % of the base population, whole history)', () => {
  let conn: Awaited<ReturnType<DuckDBInstance['connect']>>;
  let instance: DuckDBInstance;
  const q = async (sql: string) => queryRows(conn, sql);

  beforeAll(async () => {
    await gen('f05', { scale: 'tiny', factor: 0.05, seed: 11 });
    instance = await DuckDBInstance.create(':memory:');
    conn = await instance.connect();
    const d = dir('f05');
    await conn.run(`
create view s as select *, left(admdvs, 4) || '00' as city from read_csv('${d}/settlement.csv', all_varchar = true);
create view e as select *, left(admdvs, 4) || '00' as city from read_csv('${d}/enrolment.csv', all_varchar = true);
create view a as select * from read_csv('${d}/assessment.csv', all_varchar = true);
create view benes as
    select distinct s.city, e.scheme, left(s.service_month, 4)::INTEGER as year, s.person_no,
    from s join e on e.person_no = s.person_no and e.year::INTEGER = left(s.service_month, 4)::INTEGER
    where s.reversal_of is null;
create view parts as
    select city, scheme, year::INTEGER as year, count(distinct person_no) as n from e group by all;`);
  });
  afterAll(() => {
    conn?.closeSync();
    instance?.closeSync();
  });

  it('beneficiaries are 0.5–1 % of participants over all cities; 0.2–0.8 % in Jining, 0.5–1.8 % elsewhere, every full year', async () => {
    const pooled = await q(`
select 1000.0 * (select count(*) from benes where year = 2027) / (select sum(n) from parts where year = 2027) as per1000`);
    expect(Number(pooled[0].per1000)).toBeGreaterThanOrEqual(5);
    expect(Number(pooled[0].per1000)).toBeLessThanOrEqual(10);
    const rows = await q(`
with firsts as (
    select city, scheme, min(year) as first_year from parts where n > 1000 group by all
),
counted as (
    select city, scheme, year, count(*) as b from benes group by all
)
select p.city, p.scheme, p.year, p.n, coalesce(c.b, 0) as b, 1000.0 * coalesce(c.b, 0) / p.n as per1000
from parts as p
join firsts as f using (city, scheme)
left join counted as c using (city, scheme, year)
where p.n > 1000 and p.year > f.first_year and p.year <= 2027`);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const r of rows) {
      // Jining's 30-yuan financing pays fewer: 2–8 per 1 000; the other cities 5–18
      const [lo, hi] = r.city === '370800' ? [2, 8] : [5, 18];
      expect(Number(r.per1000), `${r.city} ${r.scheme} ${r.year}`).toBeGreaterThanOrEqual(lo);
      expect(Number(r.per1000), `${r.city} ${r.scheme} ${r.year}`).toBeLessThanOrEqual(hi);
    }
  });

  it('beneficiaries are old: at least 80 % aged 60+, and 30–60 % aged 80+ at their first settled month', async () => {
    const [r] = await q(`
with firsts as (
    select s.person_no, min(s.service_month) as m from s where s.reversal_of is null group by all
),
aged as (
    select date_diff('year', min(e.birth_date)::DATE, (f.m || '-01')::DATE) as age
    from firsts as f join e using (person_no) group by f.person_no, f.m
)
select avg((age >= 60)::INTEGER) as over60, avg((age >= 80)::INTEGER) as over80, count(*) as n from aged`);
    expect(Number(r.n)).toBeGreaterThan(300);
    expect(Number(r.over60)).toBeGreaterThanOrEqual(0.8);
    expect(Number(r.over80)).toBeGreaterThanOrEqual(0.3);
    expect(Number(r.over80)).toBeLessThanOrEqual(0.6);
  });

  it('the service mix follows each city (within 12 points of docs/demo.md) and home and community care lead', async () => {
    const rows = await q(`
with counts as (
    select city, service_type, count(distinct person_no) as n from s where reversal_of is null group by all
)
select city, service_type, n / sum(n) over (partition by city) as mix from counts`);
    const expected = new Map<string, Record<string, number>>();
    for (const c of DEMO_COHORTS) {
      const m = expected.get(c.city) ?? {};
      const total = Object.values(c.serviceMix).reduce((a, b) => a + b, 0);
      for (const [t, w] of Object.entries(c.serviceMix)) m[t] = (m[t] ?? 0) + (w / total) * c.persons;
      expected.set(c.city, m);
    }
    for (const [city, mix] of expected) {
      const total = Object.values(mix).reduce((a, b) => a + b, 0);
      for (const [type, w] of Object.entries(mix)) {
        if (type === 'home_family' && city !== '320800') continue;
        const got = rows.find((r) => r.city === city && r.service_type === type);
        expect(Math.abs(Number(got?.mix ?? 0) - w / total), `${city} ${type}`).toBeLessThanOrEqual(0.12);
      }
      const home = rows
        .filter((r) => r.city === city && ['home_visit', 'home_family', 'community_day', 'home_medical_nursing'].includes(String(r.service_type)))
        .reduce((a, r) => a + Number(r.mix), 0);
      expect(home, city).toBeGreaterThanOrEqual(0.45);
    }
  });

  it('assessments: most applications approved, rejections and annual reassessments present', async () => {
    const [r] = await q(`
select
    avg((approved = 'true')::INTEGER) filter (where kind = 'initial') as approval,
    count(*) filter (where kind = 'reassessment') as reassessments,
    count(*) filter (where kind = 'review') as reviews,
from a`);
    expect(Number(r.approval)).toBeGreaterThan(0.6);
    expect(Number(r.approval)).toBeLessThan(0.95);
    expect(Number(r.reassessments)).toBeGreaterThan(0);
    expect(Number(r.reviews)).toBeGreaterThan(0);
  });

  it('about 0.5 % of settlements are reversed, each with its negated reversal row', async () => {
    const [r] = await q(`
select
    count(*) filter (where reversal_of is not null) / count(*) filter (where reversal_of is null) as rate,
    count(*) filter (where reversal_of is not null and fund_amt::DECIMAL(18,2)
        <> -(select o.fund_amt::DECIMAL(18,2) from s as o where o.settlement_id = s.reversal_of)) as not_negated,
from s`);
    expect(Number(r.rate)).toBeGreaterThan(0.002);
    expect(Number(r.rate)).toBeLessThan(0.01);
    expect(Number(r.not_negated)).toBe(0);
  });
});

describe('ltci demo fund calibration (the small delivery, seed 1, as ltci refresh builds it)', () => {
  let conn: Awaited<ReturnType<DuckDBInstance['connect']>>;
  let instance: DuckDBInstance;
  const q = async (sql: string) => queryRows(conn, sql);

  beforeAll(async () => {
    await gen('small', { scale: 'small', seed: 1 });
    instance = await DuckDBInstance.create(':memory:');
    conn = await instance.connect();
    const d = dir('small');
    await conn.run(`
create view s as select *, left(admdvs, 4) || '00' as city from read_csv('${d}/settlement.csv', all_varchar = true);
create view e as select *, left(admdvs, 4) || '00' as city from read_csv('${d}/enrolment.csv', all_varchar = true);
create view a as select * from read_csv('${d}/assessment.csv', all_varchar = true);`);
  });
  afterAll(() => {
    conn?.closeSync();
    instance?.closeSync();
  });

  it("each city's fund spends a plausible share of its income in its mature years (bands of docs/demo.md)", async () => {
    const d = dir('small');
    // income and expenditure as mart_fund_monthly counts them: contributions by paid_date (else
    // coverage_start), ledger income by entry_date; benefits by settled_date, Jining's assessment fees
    // (assessment_fee_from_fund) by conclusion_date, the operator fee and other expense by entry_date
    const rows = await q(`
with flows as (
    select city, year(coalesce(paid_date, coverage_start)::DATE) as year,
        individual_amt::DECIMAL(18,2) + medical_fund_amt::DECIMAL(18,2) + fiscal_amt::DECIMAL(18,2)
            + employer_amt::DECIMAL(18,2) + other_amt::DECIMAL(18,2) as income, 0 as expenditure,
    from e
    union all
    select admdvs, year(entry_date::DATE),
        case when category in ('interest', 'lottery_fund', 'donation', 'other_income') then amount::DECIMAL(18,2) else 0 end,
        case when category in ('operator_fee', 'other_expense') then amount::DECIMAL(18,2) else 0 end,
    from read_csv('${d}/ledger.csv', all_varchar = true)
    union all
    select city, year(settled_date::DATE), 0, fund_amt::DECIMAL(18,2) from s
    union all
    select left(admdvs, 4) || '00', year(conclusion_date::DATE), 0, fee_amt::DECIMAL(18,2) from a where admdvs like '3708%'
)
select
    city, year, sum(expenditure) / sum(income) as ratio,
    sum(sum(income - expenditure)) over (partition by city order by year) / (sum(expenditure) / 12) as months_payable,
from flows group by city, year order by city, year`);
    const ratio = (city: string, year: number): number => Number(rows.find((r) => r.city === city && Number(r.year) === year)?.ratio);
    for (const band of FUND_BANDS) {
      for (let year = band.from; year <= 2027; year++) {
        const got = ratio(band.city, year);
        expect(got, `${band.city} ${year}`).toBeGreaterThanOrEqual(band.ratio[0]);
        expect(got, `${band.city} ${year}`).toBeLessThanOrEqual(band.ratio[1]);
      }
      const months = Number(rows.find((r) => r.city === band.city && Number(r.year) === 2027)?.months_payable);
      expect(months, `${band.city} months payable 2027`).toBeGreaterThanOrEqual(band.monthsPayable2027[0]);
      expect(months, `${band.city} months payable 2027`).toBeLessThanOrEqual(band.monthsPayable2027[1]);
    }
  });

});
