-- grain: one row per city, district (admdvs), scheme, day, component and source kind: the cash flows
-- of a fund summed by day — contribution components of enrolment rows, ledger entries, settlements'
-- fund payments (reversals negative), assessment fees the fund pays. Summed by day, not one row per
-- source row, because enrolment alone gives millions of rows at city scale; the source rows stay
-- in stg_enrolment, stg_ledger, int_settlements_schemed and stg_assessment.
-- Cash basis (spec "Definitions"): contributions in the month of paid_date (else coverage_start),
-- ledger entries in the month of entry_date, benefits in the month of settled_date, assessment
-- fees in the month of conclusion_date and only where policy_scheme.assessment_fee_from_fund is
-- true for the city and the assessment's scheme (int_person_events_schemed) in force at that date.
-- Opening balances (ledger category opening_balance) are no flow: int_opening_balances_chosen.
with ledger as (
    select * from stg_ledger
    where direction <> 'balance'
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

-- Enrolment rows summed by day before the unpivot (int_contributions_summed): one row per city,
-- area, scheme and day, each component's sum and its count of non-zero amounts (the rows a flow counts).
enrolment_days as (
    select * from int_contributions_summed
),

contributions as (
    select
        city,
        admdvs,
        scheme,
        flow_date,
        flow_month,
        component,
        amount,
        'enrolment' as source_kind,
        source_rows,
    from enrolment_days
    unpivot (
        (amount, source_rows) for component in (
            (income_individual, income_individual_rows) as 'income_individual',
            (income_medical_fund, income_medical_fund_rows) as 'income_medical_fund',
            (income_fiscal, income_fiscal_rows) as 'income_fiscal',
            (income_employer, income_employer_rows) as 'income_employer',
            (income_other, income_other_rows) as 'income_other'
        )
    )
    where source_rows > 0
),

ledger_entries as (
    select
        city,
        admdvs,
        scheme,
        entry_date as flow_date,
        entry_month as flow_month,
        case
            when direction = 'income' then 'income_other'
            when category = 'operator_fee' then 'expenditure_operator'
            else 'expenditure_other'
        end as component,
        amount,
        'ledger' as source_kind,
        1 as source_rows,
    from ledger
),

benefits as (
    select
        city,
        admdvs,
        scheme,
        settled_date as flow_date,
        settled_month as flow_month,
        'expenditure_benefits' as component,
        fund_amt as amount,
        'settlement' as source_kind,
        1 as source_rows,
    from settlements
),

assessment_fees as (
    select
        assessments.city,
        assessments.admdvs,
        assessment_schemes.scheme,
        assessments.conclusion_date as flow_date,
        date_trunc('month', assessments.conclusion_date)::date as flow_month,
        'expenditure_assessment' as component,
        assessments.fee_amt as amount,
        'assessment' as source_kind,
        1 as source_rows,
    from assessments
    inner join assessment_schemes
        on assessment_schemes.event_id = assessments.assessment_id
    where exists (
        select 1
        from policies
        where policies.city = assessments.city
            and policies.scheme = assessment_schemes.scheme
            and policies.effective_from <= assessments.conclusion_date
            and coalesce(policies.effective_to, date '9999-12-31') >= assessments.conclusion_date
            and policies.assessment_fee_from_fund
    )
),

unioned as (
    select * from contributions
    union all
    select * from ledger_entries
    union all
    select * from benefits
    union all
    select * from assessment_fees
),

final as (
    select
        city,
        admdvs,
        scheme,
        flow_date,
        flow_month,
        year(flow_month)::integer as flow_year,
        case when component like 'income_%' then 'income' else 'expenditure' end as direction,
        component,
        source_kind,
        sum(amount)::decimal(18, 2) as amount,
        sum(source_rows)::integer as source_rows,
    from unioned
    -- a source row with a zero amount is no flow; enrolment rows were filtered before their sum
    where source_kind = 'enrolment' or amount <> 0
    group by all
)

select * from final
