// Institutions, service use, settlements priced by the policy catalog, home-visit records, reversals.
import { BENEFICIARIES_PER_INSTITUTION, DEMO_COHORTS, PROVIDER_CATEGORIES } from './cities.ts';
import { lit } from '../db.ts';
import type { GenParams, Step } from './sqlPopulation.ts';
/** Share of settlements reversed and settled again. */
export const REVERSAL_RATE = 0.005;
/** Institutions are sized on the beneficiaries of a program's first year (then they do not depend on --end)… */
const FIRST_YEAR_DAYS = 365;
/** …times this: about the ratio of a program's beneficiaries over its years to those of its first (small scale). */
const FIRST_YEAR_SIZING = 2.5;
/** Late designations (a fifth of the institutions) fall within this many days of the program's start. */
const LATE_DESIGNATION_DAYS = 1826;

const INSTITUTION_STEMS: Record<string, string[]> = {
  medical: ['人民医院', '中医院', '第二人民医院', '康复医院', '护理院', '中西医结合医院', '社区卫生服务中心', '仁济医院'],
  medical_elderly: ['颐养护理院', '医养结合中心', '康养护理院', '仁爱医养院', '福康护理院'],
  elderly_care: ['社会福利院', '颐和养老院', '夕阳红养老中心', '康乐老年公寓', '福寿养老院', '松鹤颐养院'],
  community: ['社区日间照料中心', '街道居家养老服务中心', '邻里日间照护站', '社区嵌入式照护中心'],
  home_care: ['居家护理服务中心', '惠民护理服务有限公司', '安康居家养老服务中心', '福寿家政护理有限公司', '康馨居家照护站'],
};

export function serviceSteps(p: GenParams): Step[] {
  const shape = p.shape;
  const mix: string[] = [];
  DEMO_COHORTS.forEach((c, id) => {
    const serviceMix = shape.mix[`${c.city} ${c.scheme}`] ?? c.serviceMix;
    for (const [type, w] of Object.entries(serviceMix)) mix.push(`(${id + 1}, ${lit(type)}, ${w})`);
  });
  // a second, concurrent service (the city year only), where the cohort's policy pays it
  const secondary = shape.secondary.length === 0 ? '' : `
create table secondary_cfg (primary_type VARCHAR, service_type VARCHAR, share DOUBLE);
insert into secondary_cfg values ${shape.secondary.map((x) => `(${lit(x.primary)}, ${lit(x.serviceType)}, ${x.share})`).join(', ')};
insert into bene_service
select b.* exclude (service_type, secondary), x.service_type, true as secondary,
from bene_service as b
join secondary_cfg as x on x.primary_type = b.service_type
where u(b.pk, 'secondary') < x.share
    and exists (
        select 1
        from cohort as c
        join policy_scheme as s on s.city = c.city and s.scheme = c.scheme
        join policy_service as ps using (policy_id)
        where c.cohort_id = b.cohort_id and ps.service_type = x.service_type
    );
`;
  // home visits in a month: the policy's minimum + 0–2 (15 % of months 4–8), or the city year's range
  const hv = shape.homeVisitsPerMonth;
  const homeVisits = hv
    ? `least(avail_days,
                case
                    when avail_days < 25 then greatest(1, round(avail_days * pick(u(sk, 'visits'), ${hv[0]}, ${hv[1] - hv[0] + 1}) / 30.0)::INTEGER)
                    else pick(u(sk, 'visits'), ${hv[0]}, ${hv[1] - hv[0] + 1})
                end)`
    : `least(avail_days,
                case
                    when avail_days < 25 then greatest(1, avail_days // 3)
                    when u(sk, 'full') < 0.85 then min_visits + pick(u(sk, 'visits'), 0, 4)
                    else pick(u(sk, 'visits'), 4, 5)
                end)`;
  const dayCare = shape.secondary.length === 0
    ? `greatest(1, round(avail_days * (0.4 + 0.35 * u(sk, 'days')))::INTEGER)`
    : `greatest(1, round(avail_days * case
                    when secondary then ${shape.secondaryDayCare[0]} + ${shape.secondaryDayCare[1]} * u(sk, 'days')
                    else 0.4 + 0.35 * u(sk, 'days')
                end)::INTEGER)`;
  // the last-year scale settles the service months of its window only
  const inWindow = p.windowFrom ? `\n        and m.month >= DATE ${lit(p.windowFrom)}` : '';
  const providers = Object.entries(PROVIDER_CATEGORIES).flatMap(([type, cats]) => cats.map((cat, rank) => `(${lit(type)}, ${lit(cat)}, ${rank})`));
  const perInst = Object.entries(BENEFICIARIES_PER_INSTITUTION).map(([cat, n]) => `(${lit(cat)}, ${n})`);
  // each category's digit in the institution code (P + area + digit + 3 digits; 9 is the anomalies' copies)
  const stems = Object.entries(INSTITUTION_STEMS).map(([cat, s], i) => `(${lit(cat)}, ${i + 1}, [${s.map(lit).join(', ')}])`);
  // institutions are sized on the program's first year, or the window's beginning on the one-year scale
  const sizedOn = p.windowFrom ? 'b.benefit_start' : `least(t.data_end, t.city_start + ${FIRST_YEAR_DAYS})`;
  const sizing = p.windowFrom ? 1 : FIRST_YEAR_SIZING;
  return [
    {
      name: 'service choice',
      sql: `
create table mix_cfg (cohort_id INTEGER, service_type VARCHAR, weight DOUBLE);
insert into mix_cfg values ${mix.join(', ')};
create table provider_cfg (service_type VARCHAR, category VARCHAR, rank INTEGER);
insert into provider_cfg values ${providers.join(', ')};
create table per_inst_cfg (category VARCHAR, beneficiaries INTEGER);
insert into per_inst_cfg values ${perInst.join(', ')};
create table stem_cfg (category VARCHAR, digit INTEGER, stems VARCHAR[]);
insert into stem_cfg values ${stems.join(', ')};

-- the service types each cohort's policies pay, weighted by the demo's mix
create table cohort_service as
with paid as (
    select distinct c.cohort_id, ps.service_type
    from cohort as c
    join policy_scheme as s on s.city = c.city and s.scheme = c.scheme
    join policy_service as ps using (policy_id)
),
weighted as (
    select m.cohort_id, m.service_type, m.weight,
    from mix_cfg as m
    join paid using (cohort_id, service_type)
)
select
    cohort_id,
    service_type,
    coalesce(sum(weight) over (partition by cohort_id order by service_type rows between unbounded preceding and 1 preceding), 0)
        / sum(weight) over (partition by cohort_id) as cum_lo,
    sum(weight) over (partition by cohort_id order by service_type) / sum(weight) over (partition by cohort_id) as cum_hi,
from weighted;

create table bene_service as
select b.*, s.service_type, false as secondary,
from benefit as b
join cohort_service as s
    on s.cohort_id = b.cohort_id and u(b.pk, 'service') >= s.cum_lo and u(b.pk, 'service') < s.cum_hi;
${secondary}`,
    },
    {
      name: 'institutions',
      sql: `
-- Institutions do not depend on --end, so that a later delivery extends an earlier one (docs/demo.md):
-- each city's number per category follows the beneficiaries of its program's first year (or of its
-- delivery, while younger), late designations fall within ${LATE_DESIGNATION_DAYS} days of its start,
-- an agreement's end is drawn whether or not it has passed, and codes are numbered per area and
-- category; a delivery then holds those designated by its end, with the ends that have passed.
create table institution_all as
with starts as (
    select city, min(benefit_from) as city_start, max(data_end) as data_end from cohort group by city
),
need as (
    -- every category a beneficiary of the delivery needs (at least two institutions each, below)
    select b.city, p.category, count(*) filter (where b.benefit_start <= ${sizedOn}) as beneficiaries,
    from bene_service as b
    join provider_cfg as p on p.service_type = b.service_type and p.rank = 0
    join starts as t using (city)
    group by all
),
sized as (
    select n.city, n.category, unnest(range(greatest(2, ceil(n.beneficiaries * ${sizing} / c.beneficiaries)::BIGINT))) as k,
    from need as n
    join per_inst_cfg as c using (category)
),
placed as (
    select s.*, a.admdvs, a.area_name, t.city_start, t.data_end, hash(s.city, s.category, s.k) as ik,
    from sized as s
    join starts as t using (city)
    join demo_area as a
        on a.city = s.city and u(hash(s.city, s.category, s.k), 'inst_area') >= a.cum_lo and u(hash(s.city, s.category, s.k), 'inst_area') < a.cum_hi
),
dated as (
    select
        *,
        case
            when k = 0 or u(ik, 'late') < 0.8 then city_start - pick(u(ik, 'since'), 30, 700)
            else city_start + floor(u(ik, 'since') * ${LATE_DESIGNATION_DAYS})::INTEGER
        end as designated_from,
    from placed
),
ended as (
    select
        *,
        case when k > 0 and u(ik, 'ended') < 0.05 then designated_from + pick(u(ik, 'span'), 365, 900) end as agreement_end,
    from dated
),
numbered as (
    select
        e.*,
        'P' || admdvs || st.digit::VARCHAR || lpad(row_number() over (partition by admdvs, category order by k)::VARCHAR, 3, '0') as institution_code,
        row_number() over (partition by admdvs, category order by k) - 1 as n_in_area,
        st.stems,
    from ended as e
    join stem_cfg as st using (category)
)
select
    institution_code,
    area_name || stems[(n_in_area % len(stems)) + 1]
        || case when n_in_area >= len(stems) then '第' || (n_in_area // len(stems) + 1)::VARCHAR || '分院' else '' end as name,
    admdvs,
    city,
    category,
    case
        when category = 'medical' then case when k = 0 then 2 when u(ik, 'grade') < 0.45 then 1 when u(ik, 'grade') < 0.8 then 2 else 3 end
        when category = 'medical_elderly' and u(ik, 'grade') < 0.5 then 1
    end as grade,
    designated_from,
    case when agreement_end <= data_end then agreement_end end as designated_to,
    case category
        when 'medical' then pick(u(ik, 'beds'), 20, 100)
        when 'medical_elderly' then pick(u(ik, 'beds'), 30, 170)
        when 'elderly_care' then pick(u(ik, 'beds'), 50, 250)
        when 'community' then pick(u(ik, 'beds'), 0, 20)
    end as beds,
    agreement_end,
from numbered
where designated_from <= data_end;

create table institution_gen as
select * exclude (agreement_end) from institution_all;

-- each beneficiary's provider: an institution of their own area if one can serve them, else of the
-- city; among those the one with the smallest hash(pk, code) (arg_min, not a window over every pair)
create table provider_local as
select b.pk, b.service_type, arg_min(i.institution_code, hash(b.pk, i.institution_code, 'pick')) as institution_code,
from bene_service as b
join provider_cfg as p on p.service_type = b.service_type
join person as pe on pe.pk = b.pk
join institution_all as i
    on i.city = b.city and i.category = p.category and i.admdvs = b.admdvs
    and i.designated_from <= date_trunc('month', b.benefit_start)
    and (i.agreement_end is null or i.agreement_end >= last_day(pe.leave_date))
group by all;

create table provider_unserved as
select b.*
from bene_service as b
anti join provider_local as l using (pk, service_type);

create table bene_provider as
with elsewhere as (
    select b.pk, b.service_type, arg_min(i.institution_code, hash(b.pk, i.institution_code, 'pick')) as institution_code,
    from provider_unserved as b
    join provider_cfg as p on p.service_type = b.service_type
    join person as pe on pe.pk = b.pk
    join institution_all as i
        on i.city = b.city and i.category = p.category
        and i.designated_from <= date_trunc('month', b.benefit_start)
        and (i.agreement_end is null or i.agreement_end >= last_day(pe.leave_date))
    group by all
),
chosen as (
    select * from provider_local
    union all
    select * from elsewhere
)
select c.pk, c.service_type, c.institution_code, i.grade,
from chosen as c
join institution_gen as i using (institution_code);
`,
    },
    {
      name: 'settlements',
      sql: `
create table service_month as
with months as (
    select
        b.*,
        c.scheme,
        c.visit_records,
        unnest(generate_series(date_trunc('month', b.benefit_start), date_trunc('month', b.benefit_end), interval 1 month))::DATE as month,
    from bene_service as b
    join cohort as c using (cohort_id)
),
avail as (
    select
        m.*,
        greatest(m.month, m.benefit_start) as avail_from,
        least(last_day(m.month), m.benefit_end) as avail_to,
        least(last_day(m.month), m.benefit_end) - greatest(m.month, m.benefit_start) + 1 as avail_days,
        hash(m.pk, m.service_type, m.month) as sk,
    from months as m
    where u2(m.pk, m.month, 'use') < ${shape.monthlyUse}${inWindow}
)
select
    a.*,
    p.institution_code,
    p.grade,
    s.policy_id,
from avail as a
left join bene_provider as p using (pk, service_type)
join policy_scheme as s
    on s.city = a.city and s.scheme = a.scheme and a.month between s.effective_from and coalesce(s.effective_to, DATE '9999-12-31');

-- quantities, charges and the fund's share, priced by the policy catalog
create table settlement_clean as
with rules as (
    select
        m.*,
        ps.method, ps.rate, ps.ratio, ps.monthly_cap, coalesce(ps.hours_per_visit, 1.5) as hours_per_visit,
        coalesce(ps.min_visits_per_month, 10) as min_visits,
    from service_month as m
    join policy_service as ps
        on ps.policy_id = m.policy_id and ps.service_type = m.service_type
        and (ps.hospital_grade is null or ps.hospital_grade = m.grade)
    where m.service_type = 'home_family' or m.institution_code is not null
),
quantities as (
    select
        *,
        case
            when service_type in ('inst_medical', 'inst_elderly', 'inst_medical_nursing')
                then case when u(sk, 'away') < 0.25 then greatest(1, avail_days - pick(u(sk, 'away_days'), 1, 4)) else avail_days end
            when service_type = 'medical_special' then least(avail_days, pick(u(sk, 'days'), 10, 22))
            when service_type = 'community_day' then ${dayCare}
            when service_type = 'home_family' then avail_days
            when method = 'daily_rate' then avail_days
        end as service_days,
        case
            when service_type = 'home_visit' then ${homeVisits}
            when service_type = 'home_medical_nursing' then least(avail_days, pick(u(sk, 'visits'), 3, 6))
        end as visits,
    from rules
),
hours as (
    select
        *,
        case when service_type = 'home_visit' or method = 'hourly_rate' then (coalesce(visits, 1) * hours_per_visit)::DECIMAL(10,2) end as service_hours,
    from quantities
),
charges as (
    select
        *,
        -- the care charge the fund's share is taken from (符合范围费用)
        case
            when method = 'daily_rate' then
                ((rate + case when service_type = 'home_family' then 0 else pick(u(sk, 'extra'), 0, 16) end) * service_days)::DECIMAL(18,2)
            when method = 'hourly_rate' then ((rate + pick(u(sk, 'extra'), 0, 8)) * service_hours)::DECIMAL(18,2)
            when service_type = 'medical_special' then (service_days * pick(u(sk, 'charge'), 18000, 12000) / 100.0)::DECIMAL(18,2)
            when service_type = 'inst_medical_nursing' then (service_days * pick(u(sk, 'charge'), 6000, 4000) / 100.0)::DECIMAL(18,2)
            when service_type = 'home_medical_nursing' then (coalesce(visits, 1) * pick(u(sk, 'charge'), 6000, 5000) / 100.0)::DECIMAL(18,2)
            else (pick(u(sk, 'charge'), 6000, 14000) / 100.0)::DECIMAL(18,2)
        end as eligible_amt,
        -- bed, meals and other costs outside the fund's scope
        case
            when service_type in ('inst_medical', 'inst_elderly') then service_days * pick(u(sk, 'bed'), 30, 50)
            when service_type = 'inst_medical_nursing' then service_days * pick(u(sk, 'bed'), 20, 30)
            when service_type = 'community_day' then service_days * pick(u(sk, 'bed'), 6, 10)
            when service_type = 'medical_special' then service_days * pick(u(sk, 'bed'), 15, 40)
            else 0
        end::DECIMAL(18,2) as outside_amt,
    from hours
),
priced as (
    select
        *,
        fen(case
            when method = 'daily_rate' then rate * service_days
            when method = 'hourly_rate' then least(rate * service_hours, coalesce(monthly_cap, rate * service_hours))
            when method = 'ratio' then eligible_amt * ratio
        end) as fund_amt,
    from charges
)
select
    pk,
    sk,
    person_no,
    city,
    admdvs,
    institution_code,
    service_type,
    month as service_month,
    service_days,
    service_hours,
    visits,
    avail_from,
    avail_days,
    hours_per_visit,
    visit_records,
    cohort_id,
    method,
    rate,
    monthly_cap,
    (eligible_amt + outside_amt)::DECIMAL(18,2) as total_amt,
    eligible_amt,
    fund_amt,
    (eligible_amt + outside_amt - fund_amt)::DECIMAL(18,2) as personal_amt,
    last_day(month) + pick(u(sk, 'settled'), 4, 20) as settled_date,
    'JS' || city || strftime(month, '%Y%m')
        || lpad(row_number() over (partition by city, month order by person_no, service_type)::VARCHAR, 7, '0') as settlement_id,
from priced
where last_day(month) + pick(u(sk, 'settled'), 4, 20) <= (select max(data_end) from cohort);

`,
    },
  ];
}
