// Planted anomalies: a small, documented share of settlements is made to break exactly one audit
// rule (docs/audit-rules.md), and answer_key lists each (settlement_id, rule).
//
// Three ways to plant:
// - in place: one clean settlement is changed (its institution, service type, amount, visits) or
//   repeated (duplicate), or given a second stay that month (days_overlap);
// - a look-alike person: a clean settlement is copied for a new person_no whose enrolment and
//   assessments are made to break the rule; the original stays clean. Look-alikes are only taken
//   from day- or ratio-priced settlements, so no home-visit hours are left without visit records
//   (policy_missing takes home visits: without a policy no hours are checked);
// - an optional extract: an inpatient stay or a work-injury allowance over the last days of a
//   settlement's month (inpatient.csv, work_injury.csv hold these rows only).
// Rules that pay by the day are planted on settlements alone in their person's month whose every day
// is eligible, so that the planted days are the only ones cut.
import { lit } from '../db.ts';
import type { Step } from './sqlPopulation.ts';

export const ANSWER_KEY_FILE = 'answer-key.csv';

/** Share of clean settlements planted with each rule (at least one each where the data allows). */
export const ANOMALY_RATES: Record<string, number> = {
  cap_exceeded: 0.001,
  waiting_period: 0.001,
  area_not_in_pilot: 0.001,
  hours_unsupported: 0.002,
  not_enrolled: 0.001,
  no_approved_assessment: 0.001,
  before_eligibility: 0.001,
  disability_under_6_months: 0.001,
  assessment_expired: 0.001,
  non_designated: 0.001,
  service_not_covered: 0.001,
  price_mismatch: 0.002,
  duplicate: 0.002,
  policy_missing: 0.0002,
  category_mismatch: 0.001,
  days_overlap: 0.001,
  inpatient_overlap: 0.001,
  work_injury_overlap: 0.001,
};

/** A month every day of which the settlement's person was eligible (s: settlement_clean). */
const WHOLE_MONTH = `s.avail_days = day(last_day(s.service_month))`;
/** The person has no other settlement that month. */
const ALONE = `not exists (select 1 from settlement_clean as o where o.person_no = s.person_no and o.service_month = s.service_month and o.sk <> s.sk)`;
/** Institution i is designated on every day of s's month. */
const DESIGNATED_ALL_MONTH = `i.designated_from <= s.service_month and (i.designated_to is null or i.designated_to >= last_day(s.service_month))`;
/** s's city pays no benefit on the days of an extract of this kind, for s's service type (policy_exclusion). */
const EXCLUDED = (kind: string) => `exists (
        select 1 from policy_exclusion as x join policy_scheme as ps using (policy_id)
        where x.data_kind = ${lit(kind)} and ps.city = s.city and coalesce(x.service_type, s.service_type) = s.service_type)`;

/** A service type each city's policy does not pay (service_not_covered). */
export const UNCOVERED_SERVICE: Record<string, string> = {
  '320800': 'assistive_rental', // 淮安: 探索将辅助器具租赁服务费用纳入基金支付范围 — not yet paid
  '320700': 'home_family',
  '320100': 'home_family',
  '370800': 'home_visit', // 济宁 pays 医疗专护, 机构医疗护理, 居家医疗护理 only
};

/** Which clean settlements each rule may be planted on (SQL over settlement_clean as s). */
const POOLS: Record<string, string> = {
  cap_exceeded: `s.method = 'hourly_rate' and s.monthly_cap is not null and s.rate * s.service_hours > s.monthly_cap`,
  waiting_period: `s.method <> 'hourly_rate' and s.city = '320700' and s.service_month >= DATE '2027-04-01'`,
  area_not_in_pilot: `s.method <> 'hourly_rate' and s.city = '370800'`,
  hours_unsupported: `s.method = 'hourly_rate' and s.service_type = 'home_visit' and s.visit_records and s.visits >= 3`,
  not_enrolled: `s.method <> 'hourly_rate'`,
  no_approved_assessment: `s.method <> 'hourly_rate'`,
  before_eligibility: `s.method <> 'hourly_rate'`,
  disability_under_6_months: `s.method <> 'hourly_rate'`,
  assessment_expired: `s.method <> 'hourly_rate'`,
  non_designated: `s.method <> 'hourly_rate' and s.institution_code is not null`,
  service_not_covered: `s.institution_code is not null`,
  price_mismatch: `s.method in ('daily_rate', 'ratio') and s.eligible_amt - s.fund_amt >= 1`,
  duplicate: `s.settled_date + 30 <= (select max(data_end) from cohort)`,
  // a city's other scheme, where the catalog holds one scheme on one account (its figures stay in that
  // account); home visits, the common service there (so the look-alikes leave the city's service mix
  // as it was): with no policy nothing else is checked, visit hours neither
  policy_missing: `s.service_type = 'home_visit'
        and s.city in (select city from policy_scheme group by city having count(distinct scheme) = 1 and bool_and(single_account))`,
  // a hospital bed billed by an elderly-care home (the demo's choice of pair)
  category_mismatch: `s.service_type = 'inst_medical' and s.city <> '370800'
        and exists (select 1 from institution_gen as i where i.city = s.city and i.category = 'elderly_care' and ${DESIGNATED_ALL_MONTH})`,
  days_overlap: `s.method = 'daily_rate' and s.institution_code is not null and ${WHOLE_MONTH} and ${ALONE}
        and exists (
            select 1 from institution_gen as i join institution_gen as own on own.institution_code = s.institution_code
            where i.city = s.city and i.category = own.category and i.institution_code <> own.institution_code and ${DESIGNATED_ALL_MONTH})`,
  inpatient_overlap: `s.service_days is not null and ${WHOLE_MONTH} and ${ALONE} and ${EXCLUDED('inpatient')}`,
  work_injury_overlap: `s.service_days is not null and ${WHOLE_MONTH} and ${ALONE} and ${EXCLUDED('work_injury')}`,
};

const LOOK_ALIKE = ['not_enrolled', 'no_approved_assessment', 'before_eligibility', 'disability_under_6_months', 'assessment_expired', 'waiting_period', 'area_not_in_pilot', 'policy_missing'];

export function anomalySteps(): Step[] {
  const picks = Object.entries(ANOMALY_RATES).map(
    ([rule, rate]) => `
insert into anomaly_pick
select ${lit(rule)} as rule, s.sk, s.settlement_id,
from settlement_clean as s
where ${POOLS[rule]}
    and s.sk not in (select sk from reversed)
    and s.sk not in (select sk from anomaly_pick)
order by hash(s.sk, ${lit(rule)}), s.settlement_id
limit greatest(1, round((select count(*) from settlement_clean) * ${rate}))::BIGINT;`,
  );
  const uncovered = Object.entries(UNCOVERED_SERVICE).map(([city, type]) => `(${lit(city)}, ${lit(type)})`);
  return [
    {
      name: 'anomalies',
      sql: `
create table answer_key (settlement_id VARCHAR, rule VARCHAR);
create table anomaly_pick (rule VARCHAR, sk UBIGINT, settlement_id VARCHAR);
${picks.join('\n')}

-- look-alike persons: a copy of the settlement for a new person_no
create table look_alike as
select
    p.rule,
    s.*,
    row_number() over (order by p.rule, p.settlement_id) as n,
    substr(s.person_no, 1, 7) || '9' || lpad(row_number() over (order by p.rule, p.settlement_id)::VARCHAR, 7, '0') as new_person_no,
    'JS' || s.city || strftime(s.service_month, '%Y%m') || '8'
        || lpad(row_number() over (partition by s.city, s.service_month order by p.rule, p.settlement_id)::VARCHAR, 6, '0') as new_settlement_id,
    r.reassessment_months,
    case when p.rule = 'area_not_in_pilot' then
        (select list(admdvs order by admdvs) from demo_area as a where a.city = s.city and not a.pilot)[pick(u(s.sk, 'outside'), 1, 3)]
    else s.admdvs end as new_admdvs,
from anomaly_pick as p
join settlement_clean as s using (sk)
left join scheme_rules as r
    on r.city = s.city and r.scheme = (select scheme from cohort as c where c.cohort_id = s.cohort_id)
    and s.service_month between r.effective_from and r.effective_to
where p.rule in (${LOOK_ALIKE.map(lit).join(', ')});

insert into settlement_all
select
    new_settlement_id, pk, hash(sk, 'look_alike'), new_person_no, city, new_admdvs, institution_code, service_type, service_month,
    service_days, service_hours, visits, total_amt, eligible_amt, fund_amt, personal_amt, settled_date, NULL,
from look_alike;

-- their enrolment: the original's years (none for not_enrolled; a gap before the spell for waiting_period)
-- (policy_missing: enrolled in the city's other scheme, whose contributions the catalog does not set)
insert into enrolment_gen
select
    -l.n, e.cohort_id, l.new_person_no, e.gender, e.birth_date, l.new_admdvs, e.city,
    case when l.rule = 'policy_missing' then case e.scheme when 'resident' then 'employee' else 'resident' end else e.scheme end,
    e.year, e.coverage_start, e.coverage_end,
    case when l.rule = 'policy_missing' then 0 else e.individual_amt end,
    case when l.rule = 'policy_missing' then 0 else e.medical_fund_amt end,
    case when l.rule = 'policy_missing' then 0 else e.fiscal_amt end,
    case when l.rule = 'policy_missing' then 0 else e.employer_amt end,
    case when l.rule = 'policy_missing' then 0 else e.other_amt end,
    e.assisted,
    e.paid_date,
from look_alike as l
join enrolment_gen as e on e.pk = l.pk
where l.rule not in ('not_enrolled', 'waiting_period');

insert into enrolment_gen
select
    -l.n, e.cohort_id, l.new_person_no, e.gender, e.birth_date, e.admdvs, e.city, e.scheme, e.year - 1,
    make_date(e.year - 1, 10, 1), make_date(e.year - 1, 12, 31), 0, 0, 0, 0, 0, NULL, NULL,
from look_alike as l
join enrolment_gen as e on e.pk = l.pk and e.year = year(l.service_month)
where l.rule = 'waiting_period'
union all
select
    -l.n, e.cohort_id, l.new_person_no, e.gender, e.birth_date, e.admdvs, e.city, e.scheme, e.year,
    (l.service_month - interval 2 month)::DATE, e.coverage_end,
    e.individual_amt, e.medical_fund_amt, e.fiscal_amt, e.employer_amt, e.other_amt, e.assisted, (l.service_month - interval 2 month)::DATE,
from look_alike as l
join enrolment_gen as e on e.pk = l.pk and e.year = year(l.service_month)
where l.rule = 'waiting_period';

-- their assessments
insert into assessment_gen
with copied as (
    select
        l.n, l.city, a.pk, l.new_person_no as person_no, l.new_admdvs as admdvs, a.kind, a.seq, a.apply_date, a.conclusion_date,
        a.level, a.disability_months, a.approved, a.valid_until, a.fee_amt, a.assessor_code,
    from look_alike as l
    join assessment_gen as a on a.pk = l.pk
    where l.rule = 'not_enrolled'
),
made as (
    select
        l.n, l.city, -l.n as pk, l.new_person_no as person_no, l.new_admdvs as admdvs, 'initial' as kind, 0 as seq,
        case l.rule
            when 'no_approved_assessment' then l.service_month - 60
            when 'before_eligibility' then last_day(l.service_month) - 20
            when 'disability_under_6_months' then l.service_month - 65
            when 'assessment_expired' then (l.service_month - interval 14 month)::DATE - 20
            else l.service_month - 70
        end as apply_date,
        case l.rule
            when 'no_approved_assessment' then l.service_month - 40
            -- half concluded within the month, the month billed whole: half of the billed days (or
            -- visits) fall after the benefit start; the other half on the month's last day
            when 'before_eligibility' then last_day(l.service_month)
                - (case when u(l.sk, 'partial') < 0.5 then coalesce(l.service_days, l.visits, 1) // 2 else 0 end)::INTEGER
            when 'disability_under_6_months' then l.service_month - 45
            when 'assessment_expired' then (l.service_month - interval 14 month)::DATE
            else l.service_month - 50
        end as conclusion_date,
        case when l.rule = 'no_approved_assessment' then 2 else 3 end as level,
        case when l.rule = 'disability_under_6_months' then 4 else 9 + pick(u(l.sk, 'dm'), 0, 12) end as disability_months,
        l.rule <> 'no_approved_assessment' as approved,
        l.reassessment_months,
        l.rule,
    from look_alike as l
    where l.rule <> 'not_enrolled'
),
made_valid as (
    select
        n, city, pk, person_no, admdvs, kind, seq, apply_date, conclusion_date, level, disability_months, approved,
        case
            when rule = 'assessment_expired' then (conclusion_date + interval 12 month)::DATE
            when approved and reassessment_months is not null then (conclusion_date + to_months(reassessment_months))::DATE
        end as valid_until,
        260::DECIMAL(18,2) as fee_amt,
        'PGJG' || left(city, 4) || '01' as assessor_code,
    from made
),
together as (
    select * from copied
    union all select * from made_valid
)
select
    'PG' || city || '9' || lpad(row_number() over (partition by city order by n, seq)::VARCHAR, 6, '0'),
    pk, person_no, admdvs, kind, seq, apply_date, conclusion_date, level, disability_months, approved, valid_until, fee_amt, assessor_code,
from together;

insert into answer_key select new_settlement_id, rule from look_alike;

-- in place: an institution whose agreement ended before the month (non_designated)
create table ended_institution as
select
    p.settlement_id,
    i.*,
    'P' || i.admdvs || '9' || lpad(row_number() over (partition by i.admdvs order by p.settlement_id)::VARCHAR, 3, '0') as new_code,
    s.service_month - pick(u(s.sk, 'ended'), 20, 200) as new_designated_to,
from anomaly_pick as p
join settlement_clean as s using (sk)
join institution_gen as i on i.institution_code = s.institution_code
where p.rule = 'non_designated';

insert into institution_gen
select
    new_code, name || '（二部）', admdvs, city, category, grade,
    least(designated_from, new_designated_to - 365), new_designated_to, beds,
from ended_institution;

update settlement_all as s
set institution_code = e.new_code
from ended_institution as e
where s.settlement_id = e.settlement_id;

-- in place: a service type the city does not pay
create table uncovered_cfg (city VARCHAR, service_type VARCHAR);
insert into uncovered_cfg values ${uncovered.join(', ')};
update settlement_all as s
set service_type = c.service_type
from anomaly_pick as p, uncovered_cfg as c
where p.rule = 'service_not_covered' and s.settlement_id = p.settlement_id and c.city = s.city;

-- in place: paid more than the price (within the eligible amount)
update settlement_all as s
set
    fund_amt = s.fund_amt + least(s.eligible_amt - s.fund_amt, greatest(1, fen(s.fund_amt * 0.1))),
    personal_amt = s.total_amt - (s.fund_amt + least(s.eligible_amt - s.fund_amt, greatest(1, fen(s.fund_amt * 0.1))))
from anomaly_pick as p
where p.rule = 'price_mismatch' and s.settlement_id = p.settlement_id;

-- in place: hourly care paid above the monthly cap (every hour at the full rate)
update settlement_all as s
set
    fund_amt = fen(c.rate * c.service_hours),
    personal_amt = s.total_amt - fen(c.rate * c.service_hours)
from anomaly_pick as p, settlement_clean as c
where p.rule = 'cap_exceeded' and s.settlement_id = p.settlement_id and c.sk = p.sk;

-- in place: a hospital bed (inst_medical) billed by an elderly-care home, designated all month
create table category_swap as
select
    p.settlement_id,
    arg_min(i.institution_code, hash(p.settlement_id, i.institution_code)) as new_code,
from anomaly_pick as p
join settlement_clean as s using (sk)
join institution_gen as i on i.city = s.city and i.category = 'elderly_care' and ${DESIGNATED_ALL_MONTH}
where p.rule = 'category_mismatch'
group by p.settlement_id;

update settlement_all as s
set institution_code = c.new_code
from category_swap as c
where s.settlement_id = c.settlement_id;

-- a second stay in the same month at another institution of the same category, settled later:
-- together a few days (1–3) more than the month has
create table overlap_copy as
select
    s.*,
    least(s.avail_days, s.avail_days - s.service_days + pick(u(s.sk, 'overlap'), 1, 3))::INTEGER as days2,
    (
        select arg_min(i.institution_code, hash(s.sk, i.institution_code))
        from institution_gen as i
        join institution_gen as own on own.institution_code = s.institution_code
        where i.city = s.city and i.category = own.category and i.institution_code <> own.institution_code and ${DESIGNATED_ALL_MONTH}
    ) as other_code,
from anomaly_pick as p
join settlement_clean as s using (sk)
where p.rule = 'days_overlap';

create table overlap_settlement as
select
    'JS' || city || strftime(service_month, '%Y%m') || '6'
        || lpad(row_number() over (partition by city, service_month order by settlement_id)::VARCHAR, 6, '0') as new_settlement_id,
    *,
from overlap_copy;

insert into settlement_all
select
    new_settlement_id, pk, hash(sk, 'overlap'), person_no, city, admdvs, other_code, service_type, service_month,
    days2, NULL, NULL, fen(rate * days2), fen(rate * days2), fen(rate * days2), 0, (settled_date + pick(u(sk, 'overlap_days'), 1, 5))::DATE, NULL,
from overlap_settlement;

-- optional extracts: a stay in hospital, or a work-injury nursing allowance, over the month's last
-- days — one day (1–3) more than the days the settlement left free
create table inpatient_gen as
select
    'ZY' || s.city || strftime(s.service_month, '%Y%m')
        || lpad(row_number() over (partition by s.city, s.service_month order by s.settlement_id)::VARCHAR, 6, '0') as stay_id,
    s.person_no,
    s.admdvs,
    (last_day(s.service_month) - least(s.avail_days, s.avail_days - s.service_days + pick(u(s.sk, 'stay'), 1, 3))::INTEGER + 1)::DATE as admission_date,
    (last_day(s.service_month) + 1)::DATE as discharge_date,
    NULL::VARCHAR as hospital_code,
from anomaly_pick as p
join settlement_clean as s using (sk)
where p.rule = 'inpatient_overlap';

create table work_injury_gen as
select
    'GS' || s.city || strftime(s.service_month, '%Y%m')
        || lpad(row_number() over (partition by s.city, s.service_month order by s.settlement_id)::VARCHAR, 6, '0') as record_id,
    s.person_no,
    s.admdvs,
    (last_day(s.service_month) - least(s.avail_days, s.avail_days - s.service_days + pick(u(s.sk, 'allowance'), 1, 3))::INTEGER + 1)::DATE as allowance_from,
    last_day(s.service_month) as allowance_to,
from anomaly_pick as p
join settlement_clean as s using (sk)
where p.rule = 'work_injury_overlap';

-- in place: two visit records missing, so the settled hours exceed the recorded ones
create table visit_drop as
select settlement_id, 2 as dropped from anomaly_pick where rule = 'hours_unsupported';

-- repeated: the same month billed again under a new number, settled later
insert into settlement_all
select
    'JS' || s.city || strftime(s.service_month, '%Y%m') || '9'
        || lpad(row_number() over (partition by s.city, s.service_month order by s.settlement_id)::VARCHAR, 6, '0'),
    s.pk, hash(s.sk, 'duplicate'), s.person_no, s.city, s.admdvs, s.institution_code, s.service_type, s.service_month,
    s.service_days, s.service_hours, s.visits, s.total_amt, s.eligible_amt, s.fund_amt, s.personal_amt,
    s.settled_date + pick(u(s.sk, 'dup_days'), 5, 25), NULL,
from anomaly_pick as p
join settlement_clean as s using (sk)
where p.rule = 'duplicate';

insert into answer_key
select p.settlement_id, p.rule from anomaly_pick as p
where p.rule in (
    'non_designated', 'service_not_covered', 'price_mismatch', 'cap_exceeded', 'hours_unsupported',
    'category_mismatch', 'inpatient_overlap', 'work_injury_overlap'
);

insert into answer_key
select new_settlement_id, 'days_overlap' from overlap_settlement;

insert into answer_key
select
    'JS' || s.city || strftime(s.service_month, '%Y%m') || '9'
        || lpad(row_number() over (partition by s.city, s.service_month order by s.settlement_id)::VARCHAR, 6, '0'),
    'duplicate',
from anomaly_pick as p
join settlement_clean as s using (sk)
where p.rule = 'duplicate';
`,
    },
  ];
}
