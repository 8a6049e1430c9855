// Reversals with their re-settlements, home-visit records and the fund ledger.
import { REVERSAL_RATE } from './sqlServices.ts';
import { lit } from '../db.ts';
import type { Step } from './sqlPopulation.ts';

/** Annual interest on the fund's positive balance, credited quarterly (a demo assumption). */
export const INTEREST_RATE = 0.015;

export function reversalSteps(): Step[] {
  return [
    {
      name: 'reversals',
      sql: `
-- settlement_all: every settlement row of the delivery (anomaly steps add to it later)
create table settlement_all as
select
    settlement_id, pk, sk, person_no, city, admdvs, institution_code, service_type, service_month,
    service_days, service_hours, visits, total_amt, eligible_amt, fund_amt, personal_amt, settled_date,
    NULL::VARCHAR as reversal_of,
from settlement_clean;

create table reversed as
select
    s.*,
    s.settled_date + pick(u(s.sk, 'reversal_days'), 15, 30) as reversed_on,
from settlement_clean as s
where u(s.sk, 'reverse') < ${REVERSAL_RATE}
    and s.settled_date + 45 <= (select max(data_end) from cohort);

insert into settlement_all
select
    'CX' || substr(settlement_id, 3), pk, hash(sk, 'reversal'), person_no, city, admdvs, institution_code, service_type, service_month,
    NULL, NULL, NULL, -total_amt, -eligible_amt, -fund_amt, -personal_amt, reversed_on, settlement_id,
from reversed;

-- the correction: one day or one visit fewer (or 10 % less for ratio-priced care), priced again
insert into settlement_all
with corrected as (
    select
        r.*,
        ps.method, ps.rate, ps.ratio, ps.monthly_cap,
        case when r.service_days > 1 then r.service_days - 1 else r.service_days end as days2,
        case when r.visits > 1 then r.visits - 1 else r.visits end as visits2,
    from reversed as r
    join service_month as m on m.pk = r.pk and m.service_type = r.service_type and m.month = r.service_month
    join policy_service as ps
        on ps.policy_id = m.policy_id and ps.service_type = r.service_type
        and (ps.hospital_grade is null or ps.hospital_grade = m.grade)
),
requantified as (
    select
        *,
        case when service_hours is not null and visits > 0 then (service_hours * visits2 / visits)::DECIMAL(10,2) else service_hours end as hours2,
    from corrected
),
repriced as (
    select
        *,
        case
            when method = 'daily_rate' and service_days > 0 then (eligible_amt * days2 / service_days)::DECIMAL(18,2)
            when method = 'hourly_rate' and service_hours > 0 then (eligible_amt * hours2 / service_hours)::DECIMAL(18,2)
            else fen(eligible_amt * 0.9)
        end as eligible2,
        case
            when method = 'daily_rate' and service_days > 0 then ((total_amt - eligible_amt) * days2 / service_days)::DECIMAL(18,2)
            when method = 'hourly_rate' then (total_amt - eligible_amt)
            else (total_amt - eligible_amt)
        end as outside2,
    from requantified
),
funded as (
    select
        *,
        fen(case
            when method = 'daily_rate' then rate * days2
            when method = 'hourly_rate' then least(rate * hours2, coalesce(monthly_cap, rate * hours2))
            else eligible2 * ratio
        end) as fund2,
    from repriced
)
select
    'CZ' || substr(settlement_id, 3), pk, hash(sk, 'resettled'), person_no, city, admdvs, institution_code, service_type, service_month,
    days2, hours2, visits2, (eligible2 + outside2)::DECIMAL(18,2), eligible2, fund2, (eligible2 + outside2 - fund2)::DECIMAL(18,2),
    reversed_on + pick(u(sk, 'resettle_days'), 0, 5), NULL,
from funded;
`,
    },
  ];
}

export function visitSteps(): Step[] {
  return [
    {
      name: 'visits',
      sql: `
create table visit_gen as
with expanded as (
    select
        settlement_id, sk, person_no, institution_code, avail_from, avail_days, visits, hours_per_visit,
        unnest(range(visits)) as k,
    from settlement_clean
    where service_type = 'home_visit' and visit_records and visits > 0
),
kept as (
    select e.*,
    from expanded as e
    left join visit_drop as d using (settlement_id)
    where e.k < e.visits - coalesce(d.dropped, 0)
),
timed as (
    select
        *,
        (avail_from + floor((k + 0.5) * avail_days / visits)::INTEGER)::TIMESTAMP
            + to_hours(pick(u2(sk, k, 'hour'), 8, 9)) + to_minutes(15 * pick(u2(sk, k, 'quarter'), 0, 4)) as check_in,
    from kept
)
select
    'FW' || substr(settlement_id, 3) || lpad((k + 1)::VARCHAR, 2, '0') as visit_id,
    settlement_id,
    person_no,
    institution_code,
    check_in,
    check_in + to_minutes((hours_per_visit * 60)::INTEGER + pick(u2(sk, k, 'overrun'), 3, 10)) as check_out,
    'HLY' || substr(institution_code, 2) || lpad(pick(u(hash(person_no, institution_code), 'carer'), 1, 12)::VARCHAR, 3, '0') as caregiver_code,
from timed;
`,
    },
  ];
}

export function ledgerSteps(factor: number, windowFrom: string | null = null): Step[] {
  // the last-year scale keeps the fund's entries from its window's first day (a year's extract)
  const from = windowFrom ? `greatest(c.coverage_from, DATE ${lit(windowFrom)})` : 'c.coverage_from';
  // A fund that began before the delivery's first day gets its balance carried in (期初结余), dated the
  // day before: on the last-year scale, every fund the demo simulates. The years before are not
  // simulated, so the balance is 8–12 months of the delivered year's average benefits (docs/demo.md).
  // A fund whose account is older than any scheme here (policy fund_from: 连云港's residents join the
  // employee fund's account, which the demo does not simulate) gets none: the demo's case of a
  // balance not delivered (期初结余未提供).
  const openings = windowFrom
    ? `
openings as (
    select a.city, a.scheme, (DATE ${lit(windowFrom)} - 1) as entry_date, 'opening_balance' as category,
        fen((8 + 4 * u2(a.ak, 0, 'opening')) * coalesce((
            select sum(s.amount) from spending as s where s.city = a.city and s.scheme = a.scheme and s.month >= DATE ${lit(windowFrom)}
        ), 0) / 12) as amount,
    from accounts as a
    join (
        select city, scheme, min(effective_from) as effective_from, bool_or(fund_from is not null) as older_account,
        from policy_scheme
        group by all
    ) as f using (city, scheme)
    where f.effective_from < DATE ${lit(windowFrom)} and not f.older_account
),`
    : `
openings as (
    select null::VARCHAR as city, null::VARCHAR as scheme, null::DATE as entry_date, null::VARCHAR as category, null::DECIMAL(18, 2) as amount,
    where false
),`;
  return [
    {
      name: 'ledger',
      sql: `
create table ledger_gen as
with accounts as (
    select
        c.city, c.scheme, ${from} as coverage_from, c.data_end, c.lottery_per_year, c.donation_chance,
        (select max(operator_fee_ratio) from policy_scheme as s where s.city = c.city and s.scheme = c.scheme) as operator_fee_ratio,
        hash(c.city, c.scheme) as ak,
    from cohort as c
),
income as (
    select city, scheme, date_trunc('month', coalesce(paid_date, coverage_start))::DATE as month,
        sum(individual_amt + medical_fund_amt + fiscal_amt + employer_amt + other_amt) as amount,
    from enrolment_gen
    group by all
),
spending as (
    select s.city, p.scheme, date_trunc('month', s.settled_date)::DATE as month, sum(s.fund_amt) as amount,
    from settlement_all as s
    join person as p using (pk)
    group by all
),
financing_year as (
    select city, scheme, year, sum(individual_amt + medical_fund_amt + fiscal_amt + employer_amt + other_amt) as amount,
    from enrolment_gen
    group by all
),
quarters as (
    select a.*, unnest(generate_series(date_trunc('quarter', a.coverage_from), a.data_end, interval 3 month))::DATE as q,
    from accounts as a
),
quarter_ends as (
    select *, (q + interval 2 month)::DATE as last_month, make_date(year(q), month(q) + 2, 21) as entry_date,
    from quarters
),
balances as (
    select
        e.city, e.scheme, e.entry_date, e.ak, e.operator_fee_ratio, e.data_end,
        coalesce((select sum(amount) from income as i where i.city = e.city and i.scheme = e.scheme and i.month <= e.last_month), 0)
            - coalesce((select sum(amount) from spending as s where s.city = e.city and s.scheme = e.scheme and s.month <= e.last_month), 0)
            as balance,
        year(e.q) as year,
    from quarter_ends as e
    where e.entry_date <= e.data_end
),
interest as (
    select city, scheme, entry_date, 'interest' as category, fen(balance * ${INTEREST_RATE / 4}) as amount,
    from balances
    where balance > 0
),
operator_fee as (
    select b.city, b.scheme, b.entry_date + 4 as entry_date, 'operator_fee' as category,
        fen(f.amount * b.operator_fee_ratio / 4) as amount,
    from balances as b
    join financing_year as f using (city, scheme, year)
    where b.operator_fee_ratio is not null and b.entry_date + 4 <= b.data_end
),
years as (
    select a.*, unnest(range(year(a.coverage_from), year(a.data_end) + 1)) as year,
    from accounts as a
),
grants as (
    select city, scheme,
        least(data_end, greatest(coverage_from, make_date(year, pick(u2(ak, year, 'lottery_month'), 1, 12), 15))) as entry_date,
        'lottery_fund' as category,
        fen(greatest(500, lottery_per_year * ${factor} * (0.8 + 0.4 * u2(ak, year, 'lottery')))) as amount,
    from years
    where lottery_per_year > 0
    union all
    select city, scheme,
        least(data_end, greatest(coverage_from, make_date(year, pick(u2(ak, year, 'donation_month'), 1, 12), 8))) as entry_date,
        'donation' as category,
        fen(greatest(200, 60000 * ${factor} * (0.5 + u2(ak, year, 'donation')))) as amount,
    from years
    where u2(ak, year, 'donates') < donation_chance
    union all
    select a.city, a.scheme, least(a.data_end, make_date(f.year, 12, 28)) as entry_date, 'other_expense' as category,
        fen(f.amount * 0.001) as amount,
    from accounts as a
    join financing_year as f using (city, scheme)
    where a.operator_fee_ratio is null
),${openings}
entries as (
    select * from interest
    union all select * from operator_fee
    union all select * from grants
    union all select * from openings
)
select
    'PZ' || city || strftime(entry_date, '%Y%m')
        || lpad(row_number() over (partition by city, strftime(entry_date, '%Y%m') order by entry_date, category, scheme)::VARCHAR, 4, '0') as entry_id,
    city as admdvs,
    scheme,
    entry_date,
    category,
    amount,
from entries
where amount > 0;
`,
    },
  ];
}
