// Population, enrolment and assessments, generated inside DuckDB from seeded hashes.
// Every random draw is u(key, 'salt') — a uniform number from hash(seed, key, salt) — so the same
// seed gives the same city whatever the thread count or the order DuckDB evaluates rows in.
import { AGE_BANDS, DEMO_COHORTS } from './cities.ts';
import { lit } from '../db.ts';
import type { DemoShape } from './scales.ts';

export interface GenParams {
  seed: number;
  /** Share of the `city` scale's population. */
  factor: number;
  /** Last day of the delivery's last month, YYYY-MM-DD. */
  dataEnd: string;
  /** Whether policy_scheme carries a benefits_from column. */
  hasBenefitsFrom: boolean;
  /** The scale's shape (scales.ts). */
  shape: DemoShape;
  /** First day of the delivered window (YYYY-MM-DD) when the scale writes only the last year, else null. */
  windowFrom: string | null;
}

export interface Step {
  name: string;
  sql: string;
}

// Gompertz hazards (per year, age in years): mortality of the not-severely-disabled, and onset
// of severe disability. See docs/demo.md for what they produce.
export const HAZARDS = {
  mortality: { alpha: 3.5e-5, beta: 0.087 },
  onset: { alpha: 4.5e-6, beta: 0.11 },
  /** Mean years a severely disabled person survives. */
  disabledSurvivalYears: 3.5,
  /** Share of applicants whose first assessment finds them not severe. */
  initialRejection: 0.06,
  /** Share of those who ask for a review (复核); half of reviews are approved. */
  appeal: 0.6,
  /** Share of annual reassessments that find the person no longer severely disabled. */
  withdrawal: 0.07,
};

const num = (x: number) => (Number.isInteger(x) ? `${x}.0` : String(x));

export function setupSteps(p: GenParams): Step[] {
  const cohorts = DEMO_COHORTS.map((c, id) =>
    `(${id + 1}, ${lit(c.city)}, ${lit(c.cityName)}, ${lit(c.scheme)}, ` +
    `${Math.max(40, Math.round(c.persons * p.factor * (p.shape.cohortWeight[`${c.city} ${c.scheme}`] ?? 1)))}, ` +
    `${c.entrantRate}, ${c.exitRate}, ${p.shape.takeUp[`${c.city} ${c.scheme}`] ?? c.takeUp}, ${c.collectionFrom ? `DATE ${lit(c.collectionFrom)}` : 'NULL'}, ${lit(c.payment)}, ` +
    `${c.assessmentsFrom ? `DATE ${lit(c.assessmentsFrom)}` : 'NULL'}, ${c.benefitsFrom ? `DATE ${lit(c.benefitsFrom)}` : 'NULL'}, ` +
    `${c.minorsFree}, ${c.visitRecords}, ${c.lotteryPerYear}, ${c.donationChance})`,
  );
  const bands = (['employee', 'resident'] as const).flatMap((scheme) => {
    let cum = 0;
    return AGE_BANDS[scheme].map(([lo, hi, w]) => {
      const row = `(${lit(scheme)}, ${lo}, ${hi}, ${cum}, ${cum + w})`;
      cum += w;
      return row;
    });
  });
  const areas: string[] = [];
  for (const c of DEMO_COHORTS) {
    if (areas.some((a) => a.startsWith(`(${lit(c.city)}`))) continue;
    let cum = 0;
    for (const a of c.areas) {
      areas.push(`(${lit(c.city)}, ${lit(a.admdvs)}, ${lit(a.name)}, ${a.pilot}, ${cum}, ${cum + a.weight})`);
      cum += a.weight;
    }
  }
  const benefitsFrom = p.hasBenefitsFrom ? 'max(benefits_from)' : 'NULL::DATE';
  return [
    {
      name: 'macros',
      sql: `
create or replace macro u(k, salt) as ((hash(hash(${p.seed}::BIGINT, k, salt)) >> 11)::DOUBLE / 9007199254740992.0);
create or replace macro u2(k1, k2, salt) as ((hash(hash(${p.seed}::BIGINT, k1, k2, salt)) >> 11)::DOUBLE / 9007199254740992.0);
create or replace macro expo(x) as (-ln(1.0 - x));
create or replace macro ydays(y) as (floor(y * 365.25)::INTEGER);
create or replace macro pick(x, lo, n) as (lo + floor(x * n)::INTEGER);
create or replace macro fen(x) as (round(x, 2)::DECIMAL(18,2));
`,
    },
    {
      name: 'parameters',
      sql: `
create table cohort_cfg (cohort_id INTEGER, city VARCHAR, city_name VARCHAR, scheme VARCHAR, persons0 INTEGER,
    entrant_rate DOUBLE, exit_rate DOUBLE, take_up DOUBLE, collection_from DATE, payment VARCHAR,
    assessments_from DATE, benefits_from_cfg DATE, minors_free BOOLEAN, visit_records BOOLEAN,
    lottery_per_year DOUBLE, donation_chance DOUBLE);
insert into cohort_cfg values ${cohorts.join(',\n    ')};
create table age_band (scheme VARCHAR, lo DOUBLE, hi DOUBLE, cum_lo DOUBLE, cum_hi DOUBLE);
insert into age_band values ${bands.join(', ')};
create table demo_area (city VARCHAR, admdvs VARCHAR, area_name VARCHAR, pilot BOOLEAN, cum_lo DOUBLE, cum_hi DOUBLE);
insert into demo_area values ${areas.join(',\n    ')};
create table cohort as
with programs as (
    select
        city,
        scheme,
        min(effective_from) as program_start,
        max(coalesce(effective_to, DATE '9999-12-31')) as program_end,
        ${benefitsFrom} as policy_benefits_from,
    from policy_scheme
    group by all
),
joined as (
    select
        c.*,
        p.program_start,
        -- the cohort's own first benefit day where cities.ts sets one (连云港: the full operation of 2027-01-01,
        -- though its policy pays from 2026-12-01), else the policy's
        greatest(p.program_start, coalesce(c.benefits_from_cfg, p.policy_benefits_from, p.program_start)) as coverage_from,
        least(DATE ${lit(p.dataEnd)}, p.program_end) as data_end,
    from cohort_cfg as c
    join programs as p using (city, scheme)
)
select
    *,
    coverage_from as benefit_from,
    coalesce(assessments_from, program_start) as assess_from,
    round(persons0 * entrant_rate * (data_end - coverage_from) / 365.25)::INTEGER as entrants,
from joined
where coverage_from <= data_end;
`,
    },
  ];
}

export function populationSteps(p: GenParams): Step[] {
  // the last-year scale writes enrolment from the window's year only (earlier years are simulated, not written)
  // tiny/small also deliver next year's contributions paid in advance in the last autumn (the
  // one-year city scale keeps to its year's enrolment rows)
  const prepaid = p.windowFrom ? 0 : 1;
  const firstYear = p.windowFrom ? `greatest(year(p.entry_date), ${Number(p.windowFrom.slice(0, 4))})` : 'year(p.entry_date)';
  const m = HAZARDS.mortality;
  const o = HAZARDS.onset;
  return [
    {
      name: 'persons',
      sql: `
create table person as
with base as (
    select
        cohort_id, city, scheme, persons0, coverage_from, data_end, exit_rate, entrant_rate,
        unnest(range(persons0 + entrants)) as i,
    from cohort
),
keyed as (
    select *, cohort_id::BIGINT * 100000000 + i as pk, i < persons0 as initial from base
),
aged as (
    select
        k.cohort_id, k.city, k.scheme, k.persons0, k.coverage_from, k.data_end, k.exit_rate, k.i, k.pk, k.initial,
        case
            when k.initial then b.lo + (b.hi - b.lo) * u(k.pk, 'age')
            when k.scheme = 'employee' then 18 + 22 * pow(u(k.pk, 'age'), 1.3)
            when u(k.pk, 'newborn') < 0.45 then 0.0
            else 18 + 40 * u(k.pk, 'age')
        end as a0,
        -- Entrants arrive in the order of their number, each at a random moment of its own slot
        -- (slots of 365.25 / (persons0 × entrant_rate) days): a person's entry date does not depend
        -- on --end, so a later delivery extends an earlier one instead of redrawing its entrants.
        case
            when k.initial then k.coverage_from
            else k.coverage_from + least(
                k.data_end - k.coverage_from,
                floor((k.i - k.persons0 + u(k.pk, 'entry')) * 365.25 / (k.persons0 * k.entrant_rate))
            )::INTEGER
        end as entry_date,
    from keyed as k
    left join age_band as b
        on b.scheme = k.scheme and u(k.pk, 'band') >= b.cum_lo and u(k.pk, 'band') < b.cum_hi
),
placed as (
    select a.*, d.admdvs,
    from aged as a
    join demo_area as d
        on d.city = a.city and u(a.pk, 'area') >= d.cum_lo and u(a.pk, 'area') < d.cum_hi
),
fates as (
    select
        *,
        ln(1 + ${m.beta} * (${m.alpha / m.beta} * (exp(${m.beta} * a0) - 1) + expo(u(pk, 'death'))) / ${m.alpha}) / ${m.beta} as natural_death_age,
        initial and u(pk, 'prevalent') < least(0.4, ${o.alpha} * exp(${o.beta} * a0) * ${num(HAZARDS.disabledSurvivalYears)}) as prevalent,
    from placed
),
onsets as (
    select
        *,
        case
            when prevalent then greatest(0.0, a0 - 3 * u(pk, 'onset'))
            else ln(1 + ${o.beta} * (${o.alpha / o.beta} * (exp(${o.beta} * a0) - 1) + expo(u(pk, 'onset'))) / ${o.alpha}) / ${o.beta}
        end as onset_age,
    from fates
),
deaths as (
    select
        *,
        case
            when onset_age < natural_death_age
                then least(natural_death_age, greatest(onset_age, a0) + expo(u(pk, 'survival')) * ${num(HAZARDS.disabledSurvivalYears)})
            else natural_death_age
        end as death_age,
        least(150.0, a0 + expo(u(pk, 'exit')) / exit_rate) as exit_age,
    from onsets
),
dated as (
    select
        *,
        entry_date - ydays(a0) as birth_date,
    from deaths
)
select
    pk,
    cohort_id,
    city,
    scheme,
    i,
    city || case scheme when 'employee' then '1' else '2' end || lpad(i::VARCHAR, 8, '0') as person_no,
    case
        when scheme = 'employee' then case when u(pk, 'sex') < 0.55 then 1 else 2 end
        when u(pk, 'sex') < 0.5 - 0.15 * least(1.0, greatest(0.0, (a0 - 60) / 30)) then 1
        else 2
    end as gender,
    a0,
    birth_date,
    admdvs,
    entry_date,
    initial,
    prevalent,
    case when onset_age < death_age then birth_date + ydays(onset_age) end as onset_date,
    birth_date + ydays(death_age) as death_date,
    birth_date + ydays(exit_age) as exit_date,
    least(birth_date + ydays(death_age), birth_date + ydays(exit_age)) as leave_date,
from dated;
`,
    },
    {
      name: 'enrolment',
      sql: `
create table financing as
select
    s.city,
    s.scheme,
    f.component,
    f.amount,
    greatest(s.effective_from, coalesce(f.effective_from, s.effective_from)) as valid_from,
    least(coalesce(s.effective_to, DATE '9999-12-31'), coalesce(f.effective_to, DATE '9999-12-31')) as valid_to,
from policy_financing as f
join policy_scheme as s using (policy_id);

create table enrolment_gen as
with years as (
    select
        p.*,
        c.coverage_from, c.data_end, c.payment, c.collection_from, c.minors_free,
        unnest(range(${firstYear}, least(year(p.leave_date), year(c.data_end) + ${prepaid}) + 1)) as year,
    from person as p
    join cohort as c using (cohort_id)
    where p.entry_date <= c.data_end
),
covered as (
    select
        *,
        greatest(make_date(year, 1, 1), entry_date) as coverage_start,
        make_date(year, 12, 31) as coverage_end,
    from years
),
priced as (
    select
        y.pk, y.year,
        coalesce(sum(f.amount) filter (where f.component = 'individual'), 0) as individual_amt,
        coalesce(sum(f.amount) filter (where f.component = 'medical_fund'), 0) as medical_fund_amt,
        coalesce(sum(f.amount) filter (where f.component = 'fiscal'), 0) as fiscal_amt,
        coalesce(sum(f.amount) filter (where f.component = 'employer'), 0) as employer_amt,
    from covered as y
    left join financing as f
        on f.city = y.city and f.scheme = y.scheme and y.coverage_start between f.valid_from and f.valid_to
    group by all
),
paid as (
    select
        y.*,
        case
            when y.payment = 'undated' then null
            when y.payment = 'january' and y.coverage_start = make_date(y.year, 1, 1)
                then y.coverage_start + floor(u2(y.pk, y.year, 'paid') * 20)::INTEGER
            when y.payment = 'prior_autumn' and y.coverage_start = make_date(y.year, 1, 1) and u2(y.pk, y.year, 'late') >= 0.12
                then greatest(make_date(y.year - 1, 9, 1), coalesce(y.collection_from, make_date(y.year - 1, 9, 1)))
                    + floor(u2(y.pk, y.year, 'paid')
                        * (make_date(y.year - 1, 12, 31) - greatest(make_date(y.year - 1, 9, 1), coalesce(y.collection_from, make_date(y.year - 1, 9, 1))) + 1))::INTEGER
            else least(y.data_end, y.coverage_start + floor(u2(y.pk, y.year, 'paid') * 45)::INTEGER)
        end as paid_date,
        y.minors_free and date_diff('year', y.birth_date, y.coverage_start) < 18 as free,
    from covered as y
),
-- next year's contributions paid in advance (Sep–Dec) are in the extract; nothing else after its end
delivered as (
    select *
    from paid
    where year <= year(data_end)
        or (payment = 'prior_autumn' and paid_date < coverage_start and paid_date <= data_end and paid_date < leave_date)
)
select
    y.pk,
    y.cohort_id,
    y.person_no,
    y.gender,
    y.birth_date,
    y.admdvs,
    y.city,
    y.scheme,
    y.year,
    y.coverage_start,
    y.coverage_end,
    case when y.free then 0 else a.individual_amt end::DECIMAL(18,2) as individual_amt,
    case when y.free then 0 else a.medical_fund_amt end::DECIMAL(18,2) as medical_fund_amt,
    case when y.free then 0 else a.fiscal_amt end::DECIMAL(18,2) as fiscal_amt,
    case when y.free then 0 else a.employer_amt end::DECIMAL(18,2) as employer_amt,
    0::DECIMAL(18,2) as other_amt,
    case
        when y.scheme = 'resident' and not y.free and a.individual_amt > 0 and u(y.pk, 'assisted') < 0.04
            then ['低保对象', '特困人员', '低收入人口', '重度残疾人'][pick(u(y.pk, 'assisted_kind'), 1, 4)]
    end as assisted,
    y.paid_date,
from delivered as y
join priced as a using (pk, year);
`,
    },
    {
      name: 'cert numbers',
      sql: `
create table person_cert as
with seventeen as (
    select
        pk,
        admdvs || strftime(birth_date, '%Y%m%d')
            || lpad((pick(u(pk, 'cert'), 0, 500) * 2 + case when gender = 1 then 1 else 0 end)::VARCHAR, 3, '0') as s17,
    from person
)
select
    pk,
    s17 || substr('10X98765432',
        (list_sum(list_transform(range(17), k -> substr(s17, k + 1, 1)::INTEGER
            * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][k + 1])) % 11)::INTEGER + 1, 1) as cert_no,
from seventeen;
`,
    },
  ];
}

export function assessmentSteps(p: GenParams): Step[] {
  const h = HAZARDS;
  // the last-year scale writes the assessment history of the persons enrolled in its window
  const inWindow = p.windowFrom ? `\n    and pk in (select pk from person where leave_date >= DATE ${lit(p.windowFrom)})` : '';
  return [
    {
      name: 'assessments',
      sql: `
create table scheme_rules as
select
    city, scheme, effective_from, coalesce(effective_to, DATE '9999-12-31') as effective_to,
    benefit_start_offset_days, reassessment_months,
from policy_scheme;

create table claimant as
with candidates as (
    select
        p.*,
        c.assess_from, c.benefit_from, c.data_end, c.take_up,
        greatest(p.onset_date + 183, c.assess_from, p.entry_date) as apply_from,
    from person as p
    join cohort as c using (cohort_id)
    where p.onset_date is not null
        and p.onset_date < least(p.leave_date, c.data_end)
        and u(p.pk, 'take_up') < c.take_up
),
applied as (
    select
        *,
        apply_from + floor(expo(u(pk, 'delay')) * case when prevalent then 300 else 90 end)::INTEGER as apply_date,
    from candidates
),
concluded as (
    select
        *,
        apply_date + pick(u(pk, 'conclude'), 10, 30) as conclusion_date,
        u(pk, 'rejected') < ${h.initialRejection} as rejected,
    from applied
),
reviewed as (
    select
        *,
        case when rejected and u(pk, 'appeal') < ${h.appeal} then conclusion_date + pick(u(pk, 'appeal_days'), 10, 30) end as review_apply,
    from concluded
    where conclusion_date < leave_date and conclusion_date <= data_end
),
reviewed2 as (
    select
        *,
        review_apply + pick(u(pk, 'review_days'), 10, 20) as review_conclusion,
        u(pk, 'overturn') < 0.5 as review_approved,
    from reviewed
)
select
    *,
    case
        when not rejected then conclusion_date
        when review_approved and review_conclusion < leave_date and review_conclusion <= data_end then review_conclusion
    end as approved_date,
    [3, 3, 3, 3, 3, 4, 4, 4, 5, 5][pick(u(pk, 'level'), 1, 10)] as level,
from reviewed2;

create table rules as
select c.pk, r.reassessment_months, r.benefit_start_offset_days,
from claimant as c
join scheme_rules as r
    on r.city = c.city and r.scheme = c.scheme
    and c.approved_date between r.effective_from and r.effective_to
where c.approved_date is not null;

create table assessment_gen as
with initial as (
    select
        pk, city, admdvs, person_no, onset_date, 'initial' as kind, 0 as seq, apply_date, conclusion_date,
        case when rejected then 2 else level end as level,
        not rejected as approved,
    from claimant
),
review as (
    select
        pk, city, admdvs, person_no, onset_date, 'review' as kind, 1 as seq, review_apply as apply_date, review_conclusion as conclusion_date,
        case when review_approved then 3 else 2 end as level,
        review_approved as approved,
    from claimant
    where review_apply is not null and review_conclusion < leave_date and review_conclusion <= data_end
),
schedule as (
    select
        c.pk, c.city, c.admdvs, c.person_no, c.onset_date, c.approved_date, c.level, c.leave_date, c.data_end, r.reassessment_months,
        unnest(range(1, (date_diff('month', c.approved_date, c.data_end) // r.reassessment_months + 2)::BIGINT)) as k,
    from claimant as c
    join rules as r using (pk)
    where r.reassessment_months is not null
),
scheduled as (
    select
        *,
        -- the same lead every year, so that each review concludes within reassessment_months of the
        -- one before (the audit's reassessment_due: conclusion + reassessment_months)
        (approved_date + to_months(reassessment_months * k))::DATE - pick(u(pk, 'early'), 15, 30) as conclusion_date,
        u2(pk, k, 'withdraw') < ${h.withdrawal} as withdrawn,
    from schedule
),
first_withdrawal as (
    select pk, min(k) as wk from scheduled where withdrawn group by pk
),
reassessment as (
    select
        s.pk, s.city, s.admdvs, s.person_no, s.onset_date, 'reassessment' as kind, 1 + s.k as seq,
        s.conclusion_date - pick(u2(s.pk, s.k, 'reapply'), 10, 20) as apply_date,
        s.conclusion_date,
        case when s.withdrawn then 2 else greatest(s.level, [3, 3, 3, 4, 4, 5][pick(u2(s.pk, s.k, 'relevel'), 1, 6)]) end as level,
        not s.withdrawn as approved,
    from scheduled as s
    left join first_withdrawal as w using (pk)
    where s.conclusion_date < s.leave_date and s.conclusion_date <= s.data_end and (w.wk is null or s.k <= w.wk)
),
-- People who never become disabled apply too (rejected): a first application at an
-- exponential waiting time from the later of entry and the start of assessments, at a yearly rate
-- rising with age; only those before leaving and before the end are in the delivery. The date is a
-- person's own, whatever --end is, so a later delivery extends an earlier one.
mild_candidates as (
    select
        p.pk, p.city, p.admdvs, p.person_no, p.onset_date, p.leave_date, c.data_end, 'initial' as kind, 0 as seq,
        greatest(c.assess_from, p.entry_date)
            + least(floor(expo(u(p.pk, 'mild')) * 365.25 / (0.0004 * exp(0.06 * (p.a0 - 50)))), 100000)::INTEGER as apply_date,
        [0, 1, 1, 2, 2, 2, 2, 3][pick(u(p.pk, 'mild_level'), 1, 8)] as level,
        false as approved,
    from person as p
    join cohort as c using (cohort_id)
    where p.a0 >= 50
),
mild as (
    select pk, city, admdvs, person_no, onset_date, kind, seq, apply_date, level, approved,
    from mild_candidates
    -- people who never become disabled: an approved assessment later in life would make the
    -- rejected one the basis of some months (not what the audit's answer key plants)
    where apply_date < least(leave_date, data_end)
        and onset_date is null
),
mild_concluded as (
    select
        pk, city, admdvs, person_no, onset_date, kind, seq, apply_date,
        apply_date + pick(u(pk, 'mild_conclude'), 10, 30) as conclusion_date,
        level, approved,
    from mild
    -- an application still open at the end of the delivery is not in it
    where apply_date + pick(u(pk, 'mild_conclude'), 10, 30) <= DATE ${lit(p.dataEnd)}
),
all_rows as (
    select * from initial
    union all select * from review
    union all select * from reassessment
    union all select * from mild_concluded
),
validity as (
    select
        a.*,
        case
            when a.approved and r.reassessment_months is not null
                then (c.approved_date + to_months(r.reassessment_months * (case when a.kind = 'reassessment' then a.seq else 1 end)))::DATE
        end as valid_until,
        case
            when a.level >= 3 and not a.approved and a.onset_date is null then pick(u2(a.pk, a.seq, 'dm'), 2, 4)
            when a.onset_date is null then pick(u2(a.pk, a.seq, 'dm'), 6, 48)
            else greatest(6, date_diff('month', a.onset_date, a.apply_date))
        end as disability_months,
    from all_rows as a
    left join claimant as c using (pk)
    left join rules as r using (pk)
)
select
    -- the person's number, the kind and its sequence: the same assessment keeps its id in every
    -- delivery (a number in order of application would shift when a late conclusion comes in)
    'PG' || person_no || case kind when 'initial' then 'S' when 'review' then 'F' else 'P' end || lpad(seq::VARCHAR, 2, '0') as assessment_id,
    pk,
    person_no,
    admdvs,
    kind,
    seq,
    apply_date,
    conclusion_date,
    level,
    disability_months,
    approved,
    valid_until,
    260::DECIMAL(18,2) as fee_amt,
    'PGJG' || left(city, 4) || lpad(pick(u2(pk, seq, 'assessor'), 1, 3)::VARCHAR, 2, '0') as assessor_code,
from validity
where apply_date <= conclusion_date${inWindow};

create table benefit as
with withdrawn as (
    select pk, min(conclusion_date) as withdrawn_on
    from assessment_gen
    where kind = 'reassessment' and not approved
    group by pk
)
select
    c.pk,
    c.cohort_id,
    c.city,
    c.person_no,
    c.admdvs,
    c.level,
    c.approved_date,
    greatest(c.approved_date + r.benefit_start_offset_days, c.benefit_from) as benefit_start,
    least(
        c.leave_date - 1,
        c.data_end,
        coalesce(date_trunc('month', w.withdrawn_on)::DATE - 1, DATE '9999-12-31')
    ) as benefit_end,
from claimant as c
join rules as r using (pk)
left join withdrawn as w using (pk)
where c.approved_date is not null;
delete from benefit where benefit_end < benefit_start;
`,
    },
  ];
}
