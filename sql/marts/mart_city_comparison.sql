-- grain: one row per city, scheme (employee / resident / unassigned / all) and calendar year
-- participants (Y): distinct persons with an enrolment row whose coverage overlaps Y.
-- beneficiaries, fund_share, home_community_share: settlements by year of service_month (spec).
-- financing_per_capita (Y): contributions on enrolment rows with year = Y / distinct persons on them.
-- income, expenditure, surplus_rate, months_payable, surplus_status: mart_fund_annual (cash years).
-- participants and financing come from int_participants_counted and int_financing_summed, which
-- count the enrolment rows once per person
with settlements as (
    select * from int_settlements_schemed
),

fund_annual as (
    select * from mart_fund_annual
),

policies as (
    select * from policy_scheme
),

national as (
    select fund_share_target from policy_national
    order by policy_id desc
    limit 1
),

period as (
    select * from int_extract_period_bounded
),

-- Each scheme's bit in a person's scheme mask.
scheme_bits as (
    select * from int_scheme_bits
),

-- persons per city, year, scheme mask and contribution flag
person_year_counts as (
    select * from int_participants_counted
),

participants as (
    select
        person_year_counts.city,
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
        'all' as scheme,
        year,
        sum(persons)::integer as participants,
    from person_year_counts
    where scheme_mask is not null
    group by city, year
),

-- Per scheme, an enrolment row is one person (int_financing_summed); across schemes (`all`) a
-- person may hold both and is counted once.
financing as (
    select
        city,
        scheme,
        year,
        financing_total::decimal(18, 2) as financing_total,
        financed_persons::integer as financed_persons,
    from int_financing_summed
    union all
    select
        city_financing.city,
        'all' as scheme,
        city_financing.year,
        city_financing.financing_total,
        city_persons.financed_persons,
    from (
        select
            city,
            year,
            sum(financing_total)::decimal(18, 2) as financing_total,
        from int_financing_summed
        group by city, year
    ) as city_financing
    inner join (
        select
            city,
            year,
            sum(persons)::integer as financed_persons,
        from person_year_counts
        where contributed
        group by city, year
    ) as city_persons
        on city_persons.city is not distinct from city_financing.city
        and city_persons.year is not distinct from city_financing.year
),

services as (
    select
        city,
        case when grouping(scheme) = 1 then 'all' else scheme end as scheme,
        service_year as year,
        count(distinct person_no) filter (where not is_reversal)::integer as beneficiaries,
        count(distinct person_no) filter (
            where not is_reversal
                and service_type in ('home_visit', 'home_family', 'community_day', 'home_medical_nursing')
        )::integer as home_community_beneficiaries,
        sum(fund_amt)::decimal(18, 2) as fund_amt,
        sum(eligible_amt)::decimal(18, 2) as eligible_amt,
    from settlements
    group by grouping sets ((city, scheme, service_year), (city, service_year))
),

city_names as (
    select
        city,
        min(city_name) as city_name,
    from policies
    group by city
),

keys as (
    -- years of the data's period only: next year's contributions paid in advance make no row
    select * from (
        select city, scheme, year from participants
        union
        select city, scheme, year from financing
        union
        select city, scheme, year from services
        union
        select city, scheme, year from fund_annual
    )
    where year <= (select last_year from period)
),

final as (
    select
        keys.city,
        city_names.city_name,
        keys.scheme,
        keys.year,
        coalesce(participants.participants, 0) as participants,
        coalesce(services.beneficiaries, 0) as beneficiaries,
        case
            when participants.participants > 0
                then round(coalesce(services.beneficiaries, 0) * 1000 / participants.participants, 2)::decimal(12, 2)
        end as beneficiaries_per_1000,
        case
            when financing.financed_persons > 0
                then round(financing.financing_total / financing.financed_persons, 2)::decimal(18, 2)
        end as financing_per_capita,
        fund_annual.income_total,
        fund_annual.expenditure_total,
        fund_annual.balance_end,
        fund_annual.surplus_rate,
        fund_annual.months_payable,
        fund_annual.surplus_status,
        fund_annual.status_basis,
        fund_annual.year_complete,
        case
            when services.eligible_amt <> 0 then round(services.fund_amt / services.eligible_amt, 4)::decimal(10, 4)
        end as fund_share,
        national.fund_share_target,
        case
            when services.beneficiaries > 0
                then round(services.home_community_beneficiaries / services.beneficiaries, 4)::decimal(10, 4)
        end as home_community_share,
        coalesce(services.home_community_beneficiaries, 0) as home_community_beneficiaries,
        financing.financing_total,
        coalesce(financing.financed_persons, 0) as financed_persons,
        services.fund_amt,
        services.eligible_amt,
    from keys
    left join participants
        on participants.city = keys.city
        and participants.scheme = keys.scheme
        and participants.year = keys.year
    left join financing
        on financing.city = keys.city
        and financing.scheme = keys.scheme
        and financing.year = keys.year
    left join services
        on services.city = keys.city
        and services.scheme = keys.scheme
        and services.year = keys.year
    left join fund_annual
        on fund_annual.city = keys.city
        and fund_annual.scheme = keys.scheme
        and fund_annual.year = keys.year
    left join city_names
        on city_names.city = keys.city
    left join national
        on true
)

select * from final
