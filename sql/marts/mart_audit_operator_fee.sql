-- grain: one row per city, scheme and year in which a policy sets the operator's fee as a share of the
-- year's financing (policy_scheme.operator_fee_ratio; 济宁 "原则上控制在长期护理保险资金年度筹资总额的
-- 2%左右"): the year's financing (contributions of the contribution year, int_financing_summed), the
-- operator fees the ledger booked in the year (category operator_fee), the reference amount and the
-- share actually paid. "左右": reported, not judged.
with policies as (
    select * from policy_scheme
),

financing as (
    select * from int_financing_summed
),

ledger as (
    select * from stg_ledger
),

sources as (
    select * from policy_source
),

fees as (
    select
        city,
        scheme,
        year(entry_date)::integer as year,
        sum(amount) as operator_fee_amt,
    from ledger
    where category = 'operator_fee'
    group by all
),

years as (
    select city, scheme, year from financing
    union
    select city, scheme, year from fees
),

-- the policy in force on the year's last day (else its first) sets the reference share
year_policies as (
    select
        years.*,
        policies.policy_id,
        policies.operator_fee_ratio,
    from years
    inner join policies
        on policies.city = years.city
        and policies.scheme = years.scheme
        and policies.effective_from <= make_date(years.year, 12, 31)
        and coalesce(policies.effective_to, date '9999-12-31') >= make_date(years.year, 1, 1)
    where policies.operator_fee_ratio is not null
    qualify row_number() over (partition by years.city, years.scheme, years.year order by policies.effective_from desc) = 1
),

final as (
    select
        year_policies.city,
        year_policies.scheme,
        year_policies.year,
        year_policies.policy_id,
        coalesce(financing.financing_total, 0)::decimal(18, 2) as financing_amt,
        coalesce(fees.operator_fee_amt, 0)::decimal(18, 2) as operator_fee_amt,
        year_policies.operator_fee_ratio as reference_ratio,
        round(coalesce(financing.financing_total, 0) * year_policies.operator_fee_ratio, 2)::decimal(18, 2) as reference_amt,
        case
            when financing.financing_total > 0 then round(coalesce(fees.operator_fee_amt, 0) / financing.financing_total, 4)
        end::decimal(10, 4) as fee_share,
        (coalesce(fees.operator_fee_amt, 0) - round(coalesce(financing.financing_total, 0) * year_policies.operator_fee_ratio, 2))::decimal(18, 2) as difference_amt,
        sources.document_no,
        sources.clause,
    from year_policies
    left join financing
        on financing.city = year_policies.city
        and financing.scheme = year_policies.scheme
        and financing.year = year_policies.year
    left join fees
        on fees.city = year_policies.city
        and fees.scheme = year_policies.scheme
        and fees.year = year_policies.year
    left join sources
        on sources.policy_id = year_policies.policy_id
        and sources.param = 'operator_fee_ratio'
)

select * from final
