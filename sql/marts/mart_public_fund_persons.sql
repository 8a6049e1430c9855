-- grain: one row per city and month with a flow from a person (scheme all, period_kind 'month'), and
-- per city, scheme (employee / resident / all) and year (period_kind 'year'); period_start is the
-- period's first day. How many distinct persons' records make up each amount the public site
-- publishes from mart_fund_monthly (both funds, by month: every component) and mart_fund_annual
-- (by fund and year: the totals; the components are null). The public site hides an amount made
-- of 1–10 persons' payments (docs/public.md); the amounts have their one home in the fund marts.
-- Dated as int_fund_flows_dated dates the money: contributions in income_month, benefits in
-- settled_month, assessment fees in the month of conclusion_date where the fund pays them (the
-- scheme's policy in force then). A person is behind an amount when their records in it do not net
-- to zero. Settlements of no scheme (`unassigned`) count in `all` only. Ledger entries are
-- nobody's: they add no person. Persons are counted by a 64-bit hash of person_no (faster to count
-- distinct than the text; two persons sharing a hash would count as one — fewer, never more).
with enrolments as (
    select * from stg_enrolment
),

settlements as (
    select * from int_settlements_schemed
),

assessments as (
    select * from stg_assessment
),

assessment_schemes as (
    select * from int_person_events_schemed
    where event_kind = 'assessment'
),

policies as (
    select * from policy_scheme
),

-- contributions and assessment fees: one row per record, and the components it adds to
contributions as (
    select
        city,
        scheme,
        income_month as flow_month,
        hash(person_no) as person_no,
        individual_amt <> 0 as income_individual,
        medical_fund_amt <> 0 as income_medical_fund,
        fiscal_amt <> 0 as income_fiscal,
        employer_amt <> 0 as income_employer,
        other_amt <> 0 as income_other,
        false as expenditure_assessment,
    from enrolments
    where individual_amt <> 0
        or medical_fund_amt <> 0
        or fiscal_amt <> 0
        or employer_amt <> 0
        or other_amt <> 0
),

assessment_fees as (
    select
        assessments.city,
        assessment_schemes.scheme,
        date_trunc('month', assessments.conclusion_date)::date as flow_month,
        hash(assessments.person_no) as person_no,
        false as income_individual,
        false as income_medical_fund,
        false as income_fiscal,
        false as income_employer,
        false as income_other,
        true as expenditure_assessment,
    from assessments
    inner join assessment_schemes
        on assessment_schemes.event_id = assessments.assessment_id
    where assessments.fee_amt <> 0
        and exists (
            select 1
            from policies
            where policies.city = assessments.city
                and policies.scheme = assessment_schemes.scheme
                and policies.effective_from <= assessments.conclusion_date
                and coalesce(policies.effective_to, date '9999-12-31') >= assessments.conclusion_date
                and policies.assessment_fee_from_fund
        )
),

-- benefits: each person's net fund payment in a month and in a year — a settlement and its reversal
-- in the same period make up nothing, and the person is not behind that period's amount (a
-- reversal keeps its settlement's scheme)
benefit_months as (
    select
        city,
        scheme,
        settled_month as flow_month,
        hash(person_no) as person_no,
    from settlements
    group by all
    having sum(fund_amt) <> 0
),

benefit_years as (
    select
        city,
        scheme,
        year(settled_month) as flow_year,
        hash(person_no) as person_no,
    from settlements
    group by all
    having sum(fund_amt) <> 0
),

-- one row per record behind a flow, with the components it adds to; benefits netted per month
-- (monthly) or per year (yearly)
records as (
    select * from contributions
    union all
    select * from assessment_fees
),

monthly_flows as (
    select
        city, flow_month, person_no,
        income_individual, income_medical_fund, income_fiscal, income_employer, income_other,
        false as expenditure_benefits,
        expenditure_assessment,
    from records
    union all
    select
        city, flow_month, person_no,
        false, false, false, false, false,
        true,
        false,
    from benefit_months
),

yearly_flows as (
    select
        city, scheme, year(flow_month)::integer as flow_year, person_no,
        income_individual or income_medical_fund or income_fiscal or income_employer or income_other as income_any,
        expenditure_assessment as expenditure_any,
    from records
    union all
    select
        city, scheme, flow_year, person_no,
        false,
        true,
    from benefit_years
),

-- the monthly table is both funds together: every component, by month
monthly as (
    select
        city,
        'all' as scheme,
        'month' as period_kind,
        flow_month as period_start,
        count(distinct person_no) filter (where income_individual)::integer as income_individual,
        count(distinct person_no) filter (where income_medical_fund)::integer as income_medical_fund,
        count(distinct person_no) filter (where income_fiscal)::integer as income_fiscal,
        count(distinct person_no) filter (where income_employer)::integer as income_employer,
        count(distinct person_no) filter (where income_other)::integer as income_other,
        count(distinct person_no) filter (
            where income_individual or income_medical_fund or income_fiscal or income_employer or income_other
        )::integer as income_total,
        count(distinct person_no) filter (where expenditure_benefits)::integer as expenditure_benefits,
        count(distinct person_no) filter (where expenditure_assessment)::integer as expenditure_assessment,
        count(distinct person_no) filter (where expenditure_benefits or expenditure_assessment)::integer as expenditure_total,
        count(distinct person_no)::integer as net,
    from monthly_flows
    group by all
),

-- the annual table is by fund and in total: its totals, by year
yearly as (
    select
        city,
        case when grouping(scheme) = 1 then 'all' else scheme end as scheme,
        'year' as period_kind,
        make_date(flow_year, 1, 1) as period_start,
        null::integer as income_individual,
        null::integer as income_medical_fund,
        null::integer as income_fiscal,
        null::integer as income_employer,
        null::integer as income_other,
        count(distinct person_no) filter (where income_any)::integer as income_total,
        null::integer as expenditure_benefits,
        null::integer as expenditure_assessment,
        count(distinct person_no) filter (where expenditure_any)::integer as expenditure_total,
        count(distinct person_no)::integer as net,
    from yearly_flows
    group by grouping sets ((city, scheme, flow_year), (city, flow_year))
    having grouping(scheme) = 1 or scheme <> 'unassigned'
),

final as (
    select * from monthly
    union all
    select * from yearly
)

select * from final
