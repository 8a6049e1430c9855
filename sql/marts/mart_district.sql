-- grain: one row per city, district (6-digit admdvs as delivered), scheme (… / all) and year
-- participants by the enrolment's admdvs and coverage years; beneficiaries and amounts by the
-- settlement's admdvs and year of service_month; contributions by the enrolment's admdvs and cash
-- year. An admdvs equal to the city code means the delivery gave no district (is_district false).
-- Beneficiaries: persons with a settlement that is no reversal and not reversed; settlements of no
-- scheme (`unassigned`) count in `all` only.
with settlements as (
    select
        int_settlements_schemed.*,
        not int_settlements_schemed.is_reversal and reversed.settlement_id is null as counts_beneficiary,
    from int_settlements_schemed
    left join int_settlements_reversed as reversed
        on reversed.settlement_id = int_settlements_schemed.settlement_id
),

flows as (
    select * from int_fund_flows_dated
    where source_kind = 'enrolment'
),

areas as (
    select
        admdvs,
        area_name as district_name,
    from int_areas_named
),

-- persons per district, year and scheme mask (the enrolment rows counted once per person)
person_year_counts as (
    select * from int_district_participants_counted
),

-- Each scheme's bit in a person's scheme mask.
scheme_bits as (
    select * from int_scheme_bits
),

participants as (
    select
        person_year_counts.city,
        person_year_counts.admdvs,
        scheme_bits.scheme,
        person_year_counts.year,
        sum(person_year_counts.persons)::integer as participants,
    from person_year_counts
    inner join scheme_bits
        on person_year_counts.scheme_mask & scheme_bits.scheme_bit <> 0
    group by all
    union all
    select
        city,
        admdvs,
        'all' as scheme,
        year,
        sum(persons)::integer as participants,
    from person_year_counts
    group by city, admdvs, year
),

services as (
    select
        city,
        admdvs,
        case when grouping(scheme) = 1 then 'all' else scheme end as scheme,
        service_year as year,
        count(distinct person_no) filter (where counts_beneficiary)::integer as beneficiaries,
        coalesce(sum(service_days_net), 0)::integer as person_days,
        sum(total_amt)::decimal(18, 2) as total_amt,
        sum(eligible_amt)::decimal(18, 2) as eligible_amt,
        sum(fund_amt)::decimal(18, 2) as fund_amt,
    from settlements
    group by grouping sets ((city, admdvs, scheme, service_year), (city, admdvs, service_year))
    having grouping(scheme) = 1 or scheme <> 'unassigned'
),

contributions as (
    select
        city,
        admdvs,
        case when grouping(scheme) = 1 then 'all' else scheme end as scheme,
        flow_year as year,
        sum(amount)::decimal(18, 2) as contributions,
    from flows
    group by grouping sets ((city, admdvs, scheme, flow_year), (city, admdvs, flow_year))
),

keys as (
    select city, admdvs, scheme, year from participants
    union
    select city, admdvs, scheme, year from services
    union
    select city, admdvs, scheme, year from contributions
),

final as (
    select
        keys.city,
        keys.admdvs,
        areas.district_name,
        keys.admdvs <> keys.city as is_district,
        keys.scheme,
        keys.year,
        coalesce(participants.participants, 0) as participants,
        coalesce(services.beneficiaries, 0) as beneficiaries,
        case
            when participants.participants > 0
                then round(coalesce(services.beneficiaries, 0) * 1000 / participants.participants, 2)::decimal(12, 2)
        end as beneficiaries_per_1000,
        coalesce(services.person_days, 0) as person_days,
        coalesce(services.total_amt, 0)::decimal(18, 2) as total_amt,
        coalesce(services.eligible_amt, 0)::decimal(18, 2) as eligible_amt,
        coalesce(services.fund_amt, 0)::decimal(18, 2) as fund_amt,
        case
            when services.eligible_amt <> 0 then round(services.fund_amt / services.eligible_amt, 4)::decimal(10, 4)
        end as fund_share,
        coalesce(contributions.contributions, 0)::decimal(18, 2) as contributions,
    from keys
    left join participants
        on participants.city = keys.city
        and participants.admdvs = keys.admdvs
        and participants.scheme = keys.scheme
        and participants.year = keys.year
    left join services
        on services.city = keys.city
        and services.admdvs = keys.admdvs
        and services.scheme = keys.scheme
        and services.year = keys.year
    left join contributions
        on contributions.city = keys.city
        and contributions.admdvs = keys.admdvs
        and contributions.scheme = keys.scheme
        and contributions.year = keys.year
    left join areas
        on areas.admdvs = keys.admdvs
)

select * from final
