// The `city` scale's shape, checked on 2 % of it: its ratios (participants per factor,
// beneficiaries per participant, settlements and visits per beneficiary) put the full city on the
// figures of issues 4 and 8 — 5 million enrolment rows, 50 000 beneficiaries, 600 000 settlements
// and 5 million home visits, each within 15 % — and it is one year, which the audit still reads exactly.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../data-loaders/config.ts';
import { queryRows, withWarehouse } from '../../data-loaders/db.ts';
import { generateDemo } from '../../data-loaders/demo/index.ts';
import { CITY_TARGETS, DEMO_SCALES } from '../../data-loaders/demo/scales.ts';
import { ingestDeliveries } from '../../data-loaders/ingest/index.ts';
import { runModels } from '../../data-loaders/models.ts';
import { loadPolicyCatalog } from '../../data-loaders/policy/index.ts';

const root = mkdtempSync(join(tmpdir(), 'ltci-demo-city-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Share of the city generated here; every count is divided by it. */
const SHARE = 0.02;
const out = join(root, 'city02');

describe('ltci demo --scale city, on 2 % of the city', () => {
  let instance: DuckDBInstance;
  let conn: Awaited<ReturnType<DuckDBInstance['connect']>>;
  const one = async (sql: string) => (await queryRows(conn, sql))[0];

  beforeAll(async () => {
    await generateDemo({ out, scale: 'city', factor: DEMO_SCALES.city.factor * SHARE, seed: 1 });
    instance = await DuckDBInstance.create(':memory:');
    conn = await instance.connect();
    await conn.run(`
create view s as select * from read_csv('${out}/settlement.csv', all_varchar = true);
create view e as select * from read_csv('${out}/enrolment.csv', all_varchar = true);
create view v as select * from read_csv('${out}/visit.csv', all_varchar = true);`);
  });
  afterAll(() => {
    conn?.closeSync();
    instance?.closeSync();
  });

  it('scales to the issue figures: 5 M enrolment rows, 50 000 beneficiaries, 600 000 settlements, 5 M visits (±15 %)', async () => {
    const r = await one(`
select
    (select count(*) from e) as enrolment_rows,
    (select count(distinct person_no) from s where reversal_of is null) as beneficiaries,
    (select count(*) from s) as settlements,
    (select count(*) from v) as visits`);
    const scaled = {
      enrolmentRows: Number(r.enrolment_rows) / SHARE,
      beneficiaries: Number(r.beneficiaries) / SHARE,
      settlements: Number(r.settlements) / SHARE,
      visits: Number(r.visits) / SHARE,
    };
    for (const [k, target] of Object.entries(CITY_TARGETS)) {
      const got = scaled[k as keyof typeof scaled];
      expect(got / target, `${k}: ${Math.round(got)} for ${target}`).toBeGreaterThanOrEqual(0.85);
      expect(got / target, `${k}: ${Math.round(got)} for ${target}`).toBeLessThanOrEqual(1.15);
    }
  });

  it('keeps the ratios realistic: beneficiaries 0.5–1.1 % of participants, about a year of monthly care each', async () => {
    const r = await one(`
with b as (
    select person_no, count(*) as settlements, count(distinct service_month) as months from s where reversal_of is null group by all
)
select
    (select count(*) from b) / (select count(distinct person_no) from e) as rate,
    (select avg(settlements) from b) as settlements_per_beneficiary,
    (select avg(months) from b) as months_per_beneficiary,
    (select count(*) from v) / (select count(*) from b) as visits_per_beneficiary,
    (select max(months) from b) as max_months`);
    expect(Number(r.rate)).toBeGreaterThanOrEqual(0.005);
    expect(Number(r.rate)).toBeLessThanOrEqual(0.011);
    // 11 settled months at most (December is settled in January), fewer for those who start or die in the year
    expect(Number(r.max_months)).toBe(11);
    expect(Number(r.months_per_beneficiary)).toBeGreaterThan(6);
    expect(Number(r.settlements_per_beneficiary)).toBeGreaterThan(9);
    expect(Number(r.visits_per_beneficiary)).toBeGreaterThan(80);
  });

  it('is one year: enrolment and service months of the last year only (the waiting-period look-alikes keep their earlier spell)', async () => {
    const r = await one(`
select
    (select count(*) from e where year <> '2027' and substr(person_no, 8, 1) <> '9') as other_years,
    (select count(*) from e where year = '2027') as this_year,
    (select min(service_month) from s) as first_month,
    (select max(service_month) from s) as last_month,
    (select min(check_in) from v) as first_visit`);
    expect(Number(r.other_years)).toBe(0);
    expect(Number(r.this_year)).toBeGreaterThan(90_000);
    expect([r.first_month, r.last_month]).toEqual(['2027-01', '2027-11']);
    expect(String(r.first_visit) >= '2027-01-01').toBe(true);
  });

  it('home visits: up to 27 a month, 15+ on average, 2 hours each (the policy\'s 每次服务时长2小时)', async () => {
    const r = await one(`
select
    max(visits::INTEGER) as max_visits,
    avg(visits::INTEGER) as mean_visits,
    count(*) filter (where service_hours::DECIMAL(10,2) <> visits::INTEGER * 2) as not_two_hours,
from s
where service_type = 'home_visit' and reversal_of is null and settlement_id like 'JS%' and visits is not null`);
    expect(Number(r.max_visits)).toBe(27);
    expect(Number(r.mean_visits)).toBeGreaterThan(15);
    expect(Number(r.not_two_hours)).toBe(0);
  });

  it('carries each simulated fund\'s balance in as of 2026-12-31 (8–12 months of the year\'s benefits), but not 连云港\'s older account', async () => {
    const got = await queryRows(conn, `
with l as (select * from read_csv('${out}/ledger.csv', all_varchar = true)),
spent as (
    select left(admdvs, 4) || '00' as city, sum(fund_amt::DECIMAL(18, 2)) as benefits from s group by all
)
select l.admdvs as city, l.scheme, l.entry_date, round(l.amount::DECIMAL(18, 2) * 12 / (
    select sum(benefits) from spent where spent.city = l.admdvs), 1) as months_of_benefits,
from l
where l.category = 'opening_balance'
order by all`);
    // one per fund the demo simulates from before 2027, none for 连云港 (320700): its account is the employee fund's (since 2023)
    expect(got.map((r) => `${r.city} ${r.scheme} ${r.entry_date}`)).toEqual([
      '320100 employee 2026-12-31', '320100 resident 2026-12-31', '320800 employee 2026-12-31', '370800 resident 2026-12-31',
    ]);
    // Nanjing's two funds share the city's benefits, so only the single-fund cities are within 8–12 months of the city's
    for (const r of got.filter((x) => x.city !== '320100')) {
      expect(Number(r.months_of_benefits)).toBeGreaterThanOrEqual(8);
      expect(Number(r.months_of_benefits)).toBeLessThanOrEqual(12);
    }
  });

  it('loads with zero rejects and the audit reproduces the answer key exactly (precision = recall = 1)', async () => {
    const db = join(root, 'city02.duckdb');
    const ingest = await ingestDeliveries(db, [out], { loadId: () => 'demo-city-test' });
    for (const f of ingest.deliveries[0].files) {
      if (!f.file.includes('-malformed')) expect([f.file, f.rows_rejected]).toEqual([f.file, 0]);
    }
    const [findings, funds] = await withWarehouse(db, async ({ conn: c }) => {
      await loadPolicyCatalog(c);
      await loadConfig(c);
      await runModels(c);
      const rows = await queryRows(c, `select distinct settlement_id, rule from mart_audit_findings order by all`);
      const judged = await queryRows(c, `select city, scheme, surplus_status is not null as judged, status_note from mart_fund_annual where is_fund and year = 2027 order by city, scheme`);
      return [rows.map((x) => `${x.settlement_id},${x.rule}`), judged.map((x) => `${x.city} ${x.scheme} ${x.judged ? 'judged' : x.status_note}`)];
    });
    // 2027 (the assessment history brings fees of earlier years, inside the opening balance): with their opening
    // balances the four funds are judged; 连云港's account, without one, is not.
    expect(funds).toEqual(['320100 employee judged', '320100 resident judged', '320700 all opening_balance_missing', '320800 employee judged', '370800 resident judged']);
    const [header, ...key] = readFileSync(join(out, 'answer-key.csv'), 'utf8').trim().split('\n');
    expect(header).toBe('settlement_id,rule');
    expect(new Set(key.map((l) => l.split(',')[1])).size).toBeGreaterThanOrEqual(12);
    expect(findings).toEqual(key.sort());
  });
});
