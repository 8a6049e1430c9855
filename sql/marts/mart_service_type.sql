-- grain: one row per city, scheme (employee / resident / all), year of service_month and service type
-- Service-side (spec): settlements grouped by the year of service_month, reversal rows included in
-- sums (their quantities negated in int_settlements_schemed). beneficiaries and beneficiary-months
-- count settlements that are no reversal and not reversed (int_settlements_reversed). Settlements of
-- no scheme (`unassigned`) count in `all` only. fund_share_target: the national guideline (policy_national).
with settlements as (
    select
        int_settlements_schemed.*,
        not int_settlements_schemed.is_reversal and reversed.settlement_id is null as counts_beneficiary,
    from int_settlements_schemed
    left join int_settlements_reversed as reversed
        on reversed.settlement_id = int_settlements_schemed.settlement_id
),

national as (
    select fund_share_target from policy_national
    order by policy_id desc
    limit 1
),

grouped as (
    select
        city,
        case when grouping(scheme) = 1 then 'all' else scheme end as scheme,
        service_year as year,
        service_type,
        count(distinct person_no) filter (where counts_beneficiary)::integer as beneficiaries,
        count(distinct (person_no, service_month)) filter (where counts_beneficiary)::integer as beneficiary_months,
        count(*) filter (where not is_reversal)::integer as settlements,
        count(*) filter (where is_reversal)::integer as reversals,
        coalesce(sum(service_days_net), 0)::integer as person_days,
        coalesce(sum(visits_net), 0)::integer as visits,
        coalesce(sum(service_hours_net), 0)::decimal(18, 2) as hours,
        sum(total_amt)::decimal(18, 2) as total_amt,
        sum(eligible_amt)::decimal(18, 2) as eligible_amt,
        sum(fund_amt)::decimal(18, 2) as fund_amt,
        sum(personal_amt)::decimal(18, 2) as personal_amt,
    from settlements
    group by grouping sets ((city, scheme, service_year, service_type), (city, service_year, service_type))
    having grouping(scheme) = 1 or scheme <> 'unassigned'
),

final as (
    select
        grouped.city,
        grouped.scheme,
        grouped.year,
        grouped.service_type,
        grouped.beneficiaries,
        grouped.person_days,
        grouped.visits,
        grouped.hours,
        grouped.total_amt,
        grouped.eligible_amt,
        grouped.fund_amt,
        grouped.personal_amt,
        case
            when grouped.eligible_amt <> 0 then round(grouped.fund_amt / grouped.eligible_amt, 4)::decimal(10, 4)
        end as fund_share,
        case
            when grouped.beneficiary_months > 0 then round(grouped.fund_amt / grouped.beneficiary_months, 2)::decimal(18, 2)
        end as fund_per_beneficiary_month,
        grouped.beneficiary_months,
        grouped.settlements,
        grouped.reversals,
        national.fund_share_target,
    from grouped
    left join national
        on true
)

select * from final
