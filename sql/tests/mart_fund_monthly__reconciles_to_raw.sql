-- invariant: per city, the `all` rows hold every fen of the raw tables: contributions by source,
-- ledger entries by category, settlements' fund_amt (reversals included); assessment fees never exceed raw fees
with monthly as (
    select
        city,
        sum(income_individual) as income_individual,
        sum(income_medical_fund) as income_medical_fund,
        sum(income_fiscal) as income_fiscal,
        sum(income_employer) as income_employer,
        sum(income_other) as income_other,
        sum(expenditure_benefits) as expenditure_benefits,
        sum(expenditure_assessment) as expenditure_assessment,
        sum(expenditure_operator) as expenditure_operator,
        sum(expenditure_other) as expenditure_other,
    from mart_fund_monthly
    where scheme = 'all'
    group by all
),

raw_amounts as (
    select left(admdvs, 4) || '00' as city, 'income_individual' as component, individual_amt as amount from raw_enrolment
    union all
    select left(admdvs, 4) || '00', 'income_medical_fund', medical_fund_amt from raw_enrolment
    union all
    select left(admdvs, 4) || '00', 'income_fiscal', fiscal_amt from raw_enrolment
    union all
    select left(admdvs, 4) || '00', 'income_employer', coalesce(employer_amt, 0) from raw_enrolment
    union all
    select left(admdvs, 4) || '00', 'income_other', coalesce(other_amt, 0) from raw_enrolment
    union all
    select
        left(admdvs, 4) || '00',
        case
            when category in ('lottery_fund', 'donation', 'interest', 'other_income') then 'income_other'
            when category = 'operator_fee' then 'expenditure_operator'
            else 'expenditure_other'
        end,
        amount,
    from raw_ledger
    union all
    select left(admdvs, 4) || '00', 'expenditure_benefits', fund_amt from raw_settlement
    union all
    select left(admdvs, 4) || '00', 'assessment_fees_raw', coalesce(fee_amt, 0) from raw_assessment
),

raw_by_city as (
    select
        city,
        coalesce(sum(amount) filter (where component = 'income_individual'), 0) as income_individual,
        coalesce(sum(amount) filter (where component = 'income_medical_fund'), 0) as income_medical_fund,
        coalesce(sum(amount) filter (where component = 'income_fiscal'), 0) as income_fiscal,
        coalesce(sum(amount) filter (where component = 'income_employer'), 0) as income_employer,
        coalesce(sum(amount) filter (where component = 'income_other'), 0) as income_other,
        coalesce(sum(amount) filter (where component = 'expenditure_benefits'), 0) as expenditure_benefits,
        coalesce(sum(amount) filter (where component = 'expenditure_operator'), 0) as expenditure_operator,
        coalesce(sum(amount) filter (where component = 'expenditure_other'), 0) as expenditure_other,
        coalesce(sum(amount) filter (where component = 'assessment_fees_raw'), 0) as assessment_fees_raw,
    from raw_amounts
    group by all
)

select
    coalesce(raw_by_city.city, monthly.city) as city,
    raw_by_city.*,
    monthly.*,
from raw_by_city
full outer join monthly
    on monthly.city = raw_by_city.city
where coalesce(monthly.income_individual, 0) <> coalesce(raw_by_city.income_individual, 0)
    or coalesce(monthly.income_medical_fund, 0) <> coalesce(raw_by_city.income_medical_fund, 0)
    or coalesce(monthly.income_fiscal, 0) <> coalesce(raw_by_city.income_fiscal, 0)
    or coalesce(monthly.income_employer, 0) <> coalesce(raw_by_city.income_employer, 0)
    or coalesce(monthly.income_other, 0) <> coalesce(raw_by_city.income_other, 0)
    or coalesce(monthly.expenditure_benefits, 0) <> coalesce(raw_by_city.expenditure_benefits, 0)
    or coalesce(monthly.expenditure_operator, 0) <> coalesce(raw_by_city.expenditure_operator, 0)
    or coalesce(monthly.expenditure_other, 0) <> coalesce(raw_by_city.expenditure_other, 0)
    or coalesce(monthly.expenditure_assessment, 0) > coalesce(raw_by_city.assessment_fees_raw, 0)
