// A hand-made warehouse holding only what the monthly report reads: the marts (spec columns plus
// the report's extras), cfg_surplus_band, policy_scheme and the two staging columns the audit
// section joins on. The marts built on other marts (mart_fund_item_monthly, mart_assessment_ytd,
// mart_data_period) are made by their own SQL from the hand-made ones. Figures are chosen so the
// expectations in the tests can be worked by hand.
import type { DuckDBConnection } from '@duckdb/node-api';
import { createMart } from '../marts/model.ts';

/** City 320700 (连云港市) from 2026-01 to 2027-03; the report month in the tests is 2027-02. */
export const CITY = '320700';
export const CITY_NAME = '连云港市';

// month → [individual, medical_fund, fiscal, employer, other, benefits, assessment, operator, other_exp]
const ALL_MONTHS: Record<string, string[]> = {
  '2026-01': ['1000.00', '1500.00', '500.00', '0', '0', '3000.00', '0', '0', '0'],
  '2026-02': ['1000.00', '3000.00', '500.00', '0', '0', '3500.00', '0', '0', '0'],
  '2027-01': ['1000.00', '2500.00', '500.00', '0', '0', '3000.00', '0', '0', '0'],
  '2027-02': ['1200.50', '3000.00', '800.25', '0', '10.00', '4000.40', '100.00', '50.00', '0'],
  '2027-03': ['100.00', '0', '0', '0', '0', '50.00', '0', '0', '0'],
};
// 2026-03 … 2026-12: income 4000.00 (1000 + 2500 + 500), expenditure 3000.00 (benefits).
const ORDINARY = ['1000.00', '2500.00', '500.00', '0', '0', '3000.00', '0', '0', '0'];

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5)); `${y}-${String(m).padStart(2, '0')}` <= to; m === 12 ? (y++, (m = 1)) : m++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

export async function createReportFixture(conn: DuckDBConnection): Promise<void> {
  const values = monthsBetween('2026-01', '2027-03').map((m) =>
    `('${CITY}', 'all', date '${m}-01', ${(ALL_MONTHS[m] ?? ORDINARY).map((x) => `${x}::decimal(18,2)`).join(', ')})`);
  await conn.run(`create table flows_in (
      city varchar, scheme varchar, month date,
      income_individual decimal(18,2), income_medical_fund decimal(18,2), income_fiscal decimal(18,2),
      income_employer decimal(18,2), income_other decimal(18,2),
      expenditure_benefits decimal(18,2), expenditure_assessment decimal(18,2),
      expenditure_operator decimal(18,2), expenditure_other decimal(18,2))`);
  await conn.run(`insert into flows_in values ${values.join(',\n')}`);
  // Two scheme rows that add up to the `all` row: employee = all − resident, resident fixed.
  await conn.run(`insert into flows_in
      select city, 'resident', month, 400.00, 1000.00, 200.00, 0, 0, 1000.00, 0, 0, 0 from flows_in where scheme = 'all'`);
  await conn.run(`insert into flows_in
      select a.city, 'employee', a.month,
          a.income_individual - r.income_individual, a.income_medical_fund - r.income_medical_fund,
          a.income_fiscal - r.income_fiscal, a.income_employer, a.income_other,
          a.expenditure_benefits - r.expenditure_benefits, a.expenditure_assessment,
          a.expenditure_operator, a.expenditure_other
      from flows_in as a join flows_in as r on r.month = a.month and r.scheme = 'resident' and a.scheme = 'all'`);
  await conn.run(`create table cfg_surplus_band (
      status varchar, sort_order integer, label_zh varchar, label_en varchar, colour varchar,
      basis varchar, min_value decimal(8,2), min_inclusive boolean, max_value decimal(8,2), max_inclusive boolean,
      as_of date, source varchar, uncertainty varchar)`);
  await conn.run(`insert into cfg_surplus_band values
      ('overdrawn', 1, '收不抵支（累计透支）', 'overdrawn', '#b2182b', 'balance', null, false, 0, false, date '2026-11-22', '人社部发〔2009〕67号（转引）', ''),
      ('insufficient', 2, '结余不足', 'insufficient', '#ef8a62', 'months_payable', null, false, 3, false, date '2026-11-22', '人社部发〔2009〕67号（转引）', ''),
      ('low', 3, '结余偏低', 'low', '#fddbc7', 'months_payable', 3, true, 6, false, date '2026-11-22', '人社部发〔2009〕67号（转引）', ''),
      ('reasonable', 4, '结余合理', 'reasonable', '#1a9850', 'months_payable', 6, true, 9, true, date '2026-11-22', '人社部发〔2009〕67号（转引）', ''),
      ('high', 5, '结余偏高', 'high', '#91bfdb', 'months_payable', 9, false, 15, true, date '2026-11-22', '人社部发〔2009〕67号（转引）', ''),
      ('excessive', 6, '结余过多', 'excessive', '#4575b4', 'months_payable', 15, false, null, false, date '2026-11-22', '人社部发〔2009〕67号（转引）', '')`);
  await conn.run(`create table mart_fund_monthly as
      with t as (
          select *,
              (income_individual + income_medical_fund + income_fiscal + income_employer + income_other)::decimal(18,2) as income_total,
              (expenditure_benefits + expenditure_assessment + expenditure_operator + expenditure_other)::decimal(18,2) as expenditure_total,
          from flows_in
      ),
      a as (
          select *,
              (income_total - expenditure_total)::decimal(18,2) as net,
              sum(income_total - expenditure_total) over w::decimal(18,2) as cumulative_balance,
              sum(expenditure_total) over w12::decimal(18,2) as expenditure_12m,
              count(*) over w12 as months_in_12m_window,
          from t
          window w as (partition by city, scheme order by month rows between unbounded preceding and current row),
                 w12 as (partition by city, scheme order by month rows between 11 preceding and current row)
      )
      select *, year(month) as year,
          1 as flows,
          round(cumulative_balance * months_in_12m_window / expenditure_12m, 2)::decimal(12,2) as months_payable_12m,
          case
              when cumulative_balance < 0 then 'overdrawn'
              when cumulative_balance * months_in_12m_window < 3 * expenditure_12m then 'insufficient'
              when cumulative_balance * months_in_12m_window < 6 * expenditure_12m then 'low'
              when cumulative_balance * months_in_12m_window <= 9 * expenditure_12m then 'reasonable'
              when cumulative_balance * months_in_12m_window <= 15 * expenditure_12m then 'high'
              else 'excessive'
          end as surplus_status_12m,
      from a`);
  await conn.run(`create table mart_fund_annual as
      with y as (
          select city, scheme, year,
              sum(income_total)::decimal(18,2) as income_total,
              sum(expenditure_total)::decimal(18,2) as expenditure_total,
              sum(net)::decimal(18,2) as net,
              arg_max(cumulative_balance, month) as balance_end,
              min(month) as first_month,
              max(month) as last_month,
              count(*) = 12 as year_complete,
          from mart_fund_monthly group by all
      )
      select *,
          round(net / income_total, 4) as surplus_rate,
          round(balance_end / (expenditure_total / 12), 2)::decimal(12,2) as months_payable,
          case when balance_end < 0 then 'overdrawn'
               when balance_end / (expenditure_total / 12) < 3 then 'insufficient'
               when balance_end / (expenditure_total / 12) < 6 then 'low'
               when balance_end / (expenditure_total / 12) <= 9 then 'reasonable'
               when balance_end / (expenditure_total / 12) <= 15 then 'high'
               else 'excessive' end as surplus_status,
      from y`);
  await conn.run(`create table mart_city_comparison (
      city varchar, scheme varchar, year integer, participants bigint, beneficiaries bigint,
      beneficiaries_per_1000 double, financing_per_capita decimal(18,2), income_total decimal(18,2),
      expenditure_total decimal(18,2), surplus_rate double, months_payable decimal(12,2),
      fund_share double, home_community_share double)`);
  await conn.run(`insert into mart_city_comparison values
      ('${CITY}', 'employee', 2026, 600, 40, 66.7, 150.00, null, null, null, null, 0.7, 0.5),
      ('${CITY}', 'resident', 2026, 400, 20, 50.0, 60.00, null, null, null, null, 0.7, 0.5),
      ('${CITY}', 'all', 2026, 1000, 60, 60.0, 114.00, null, null, null, null, 0.7, 0.5),
      ('${CITY}', 'employee', 2027, 700, 45, 64.3, 160.00, null, null, null, null, 0.7, 0.5),
      ('${CITY}', 'resident', 2027, 500, 25, 50.0, 62.50, null, null, null, null, 0.7, 0.5),
      ('${CITY}', 'all', 2027, 1200, 70, 58.3, 119.38, null, null, null, null, 0.7, 0.5)`);
  await conn.run(`create table mart_assessment (
      city varchar, scheme varchar, month date, applications bigint, concluded bigint, approved bigint,
      approval_rate double, median_days_to_conclusion double, reviews_overdue bigint)`);
  await conn.run(`insert into mart_assessment values
      ('${CITY}', 'all', date '2027-01-01', 30, 25, 20, 0.8, 21, 2),
      ('${CITY}', 'all', date '2027-02-01', 40, 36, 27, 0.75, 18.5, 3),
      ('${CITY}', 'all', date '2026-12-01', 99, 99, 99, 1, 10, 0),
      ('${CITY}', 'employee', date '2027-02-01', 25, 20, 15, 0.75, 18, 1),
      ('${CITY}', 'resident', date '2027-02-01', 15, 16, 12, 0.75, 19, 2)`);
  await conn.run(`create table mart_service_type (
      city varchar, scheme varchar, year integer, service_type varchar, beneficiaries bigint,
      person_days bigint, visits bigint, hours decimal(18,2), total_amt decimal(18,2), eligible_amt decimal(18,2),
      fund_amt decimal(18,2), personal_amt decimal(18,2), fund_share double, fund_per_beneficiary_month decimal(18,2))`);
  await conn.run(`insert into mart_service_type values
      ('${CITY}', 'all', 2027, 'inst_medical', 12, 600, 0, 0, 40000.00, 30000.00, 30000.00, 10000.00, 1.0, 1250.00),
      ('${CITY}', 'all', 2027, 'home_visit', 30, 0, 240, 480.00, 14400.00, 14400.00, 14400.00, 0.00, 1.0, 240.00),
      ('${CITY}', 'employee', 2027, 'home_visit', 20, 0, 160, 320.00, 9600.00, 9600.00, 9600.00, 0.00, 1.0, 240.00)`);
  await conn.run(`create table stg_settlement (settlement_id varchar, city varchar, settled_date date, settled_month date)`);
  await conn.run(`insert into stg_settlement values
      ('S1', '${CITY}', date '2027-02-10', date '2027-02-01'),
      ('S2', '${CITY}', date '2027-02-11', date '2027-02-01'),
      ('S3', '${CITY}', date '2027-01-05', date '2027-01-01'),
      ('S4', '${CITY}', date '2026-12-05', date '2026-12-01'),
      ('S5', '${CITY}', date '2027-03-03', date '2027-03-01')`);
  await conn.run(`create table mart_audit_settlements (
      settlement_id varchar, city varchar, settled_month date, paid_amt decimal(18,2), expected_amt decimal(18,2),
      overpaid_amt decimal(18,2), underpaid_amt decimal(18,2), primary_rule varchar, counts_in_headline boolean)`);
  await conn.run(`insert into mart_audit_settlements values
      ('S1', '${CITY}', date '2027-02-01', 1500.00, 0.00, 1500.00, 0.00, 'not_enrolled', true),
      ('S2', '${CITY}', date '2027-02-01', 750.50, 600.00, 150.50, 0.00, 'cap_exceeded', true),
      ('S3', '${CITY}', date '2027-01-01', 700.00, 600.00, 100.00, 0.00, 'cap_exceeded', true),
      ('S4', '${CITY}', date '2026-12-01', 9999.00, 600.00, 9399.00, 0.00, 'cap_exceeded', true),
      ('S5', '${CITY}', date '2027-03-01', 50.00, 0.00, 50.00, 0.00, 'duplicate', true),
      ('S6', '${CITY}', date '2027-02-01', 1500.00, 1200.00, 300.00, 0.00, 'price_mismatch', false)`);
  await conn.run(`create table policy_scheme (policy_id varchar, city varchar, city_name varchar)`);
  await conn.run(`insert into policy_scheme values ('lyg', '${CITY}', '${CITY_NAME}')`);
  // No ledger entries: the as-of date is the latest settlement, S5's 2027-03-03.
  await conn.run(`create table stg_ledger (entry_date date, city varchar)`);
  for (const mart of ['mart_fund_item_monthly', 'mart_assessment_ytd', 'mart_data_period']) await createMart(conn, mart);
}
