-- invariant: per city, the `all` rows hold every fen of the raw tables: contributions by source,
-- ledger entries by category (opening balances are no flow), settlements' fund_amt (reversals
-- included, those of no scheme too); assessment fees never exceed raw fees
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

-- each raw table summed by city in one pass (not unpivoted row by row), then the cities combined
raw_sums as (
    select
        left(admdvs, 4) || '00' as city,
        sum(individual_amt) as income_individual,
        sum(medical_fund_amt) as income_medical_fund,
        sum(fiscal_amt) as income_fiscal,
        sum(employer_amt) as income_employer,
        sum(other_amt) as income_other,
    from raw_enrolment
    group by all
    union all by name
    select
        left(admdvs, 4) || '00' as city,
        sum(amount) filter (where category in ('lottery_fund', 'donation', 'interest', 'other_income')) as income_other,
        sum(amount) filter (where category = 'operator_fee') as expenditure_operator,
        sum(amount) filter (
            where category not in ('lottery_fund', 'donation', 'interest', 'other_income', 'operator_fee', 'opening_balance')
                or category is null
        ) as expenditure_other,
    from raw_ledger
    group by all
    union all by name
    select left(admdvs, 4) || '00' as city, sum(fund_amt) as expenditure_benefits,
    from raw_settlement
    group by all
    union all by name
    select left(admdvs, 4) || '00' as city, sum(fee_amt) as assessment_fees_raw,
    from raw_assessment
    group by all
),

raw_by_city as (
    select
        city,
        coalesce(sum(income_individual), 0) as income_individual,
        coalesce(sum(income_medical_fund), 0) as income_medical_fund,
        coalesce(sum(income_fiscal), 0) as income_fiscal,
        coalesce(sum(income_employer), 0) as income_employer,
        coalesce(sum(income_other), 0) as income_other,
        coalesce(sum(expenditure_benefits), 0) as expenditure_benefits,
        coalesce(sum(expenditure_operator), 0) as expenditure_operator,
        coalesce(sum(expenditure_other), 0) as expenditure_other,
        coalesce(sum(assessment_fees_raw), 0) as assessment_fees_raw,
    from raw_sums
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
