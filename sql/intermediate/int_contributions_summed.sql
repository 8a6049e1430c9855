-- grain: one row per city, district (admdvs), scheme, cash day and its month: the contribution
-- components of the enrolment rows paid that day (paid_date, else coverage_start), each summed, with
-- the count of non-zero amounts (the rows a flow counts) and of rows. int_fund_flows_dated unpivots
-- it into flows; millions of enrolment rows become one row per city, area, scheme and day.
with enrolments as (
    select * from stg_enrolment
),

final as (
    select
        city,
        admdvs,
        scheme,
        coalesce(paid_date, coverage_start) as flow_date,
        income_month as flow_month,
        count(*) as enrolment_rows,
        sum(individual_amt) as income_individual,
        sum(medical_fund_amt) as income_medical_fund,
        sum(fiscal_amt) as income_fiscal,
        sum(employer_amt) as income_employer,
        sum(other_amt) as income_other,
        count(*) filter (where individual_amt <> 0) as income_individual_rows,
        count(*) filter (where medical_fund_amt <> 0) as income_medical_fund_rows,
        count(*) filter (where fiscal_amt <> 0) as income_fiscal_rows,
        count(*) filter (where employer_amt <> 0) as income_employer_rows,
        count(*) filter (where other_amt <> 0) as income_other_rows,
    from enrolments
    group by all
)

select * from final
