-- grain: one row per city, scheme (employee / resident / all) and calendar year
-- The bulletin's indicators (全国医疗保障事业发展统计公报) and the comparison's ratios, each by the year
-- of its own definition (docs/marts.md):
--   participants (Y): distinct persons with an enrolment row whose coverage overlaps Y (covered on
--     any day); participants_year_end: covered on the year's last day (the data's last day in its
--     last year), the bulletin's 参保人数 (int_person_years_counted)
--   beneficiaries: persons with a settlement whose service_month is in Y that is no reversal and not
--     reversed (享受待遇人数); settlements of no scheme count in `all` only
--   financing_per_capita (Y): contributions on enrolment rows with year = Y / the financed persons
--     among them (a contribution above zero); financing_per_enrolled: the same over every person
--     on those rows (diluted by those "暂不单独筹资")
--   designated_institutions: institutions designated on the year's reference date (定点服务机构数);
--   caregivers: distinct caregiver codes in the year's home visits (护理服务人员数); both city-wide,
--     the same on every scheme row of the city
--   income, expenditure, balance, months payable, status, deficit: mart_fund_annual (cash years)
with settlements as (
    select
        int_settlements_schemed.*,
        not int_settlements_schemed.is_reversal and reversed.settlement_id is null as counts_beneficiary,
    from int_settlements_schemed
    left join int_settlements_reversed as reversed
        on reversed.settlement_id = int_settlements_schemed.settlement_id
),

fund_annual as (
    select * from mart_fund_annual
),

policies as (
    select * from policy_scheme
),

institutions as (
    select * from stg_institution
),

visits as (
    select * from stg_visit
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

-- persons per city, year, year-end and financed scheme masks
person_year_masks as (
    select * from int_person_years_counted
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

-- persons covered at year end, and financed persons, by scheme (a bit) and for `all` (any bit)
masked_counts as (
    select
        person_year_masks.city,
        scheme_bits.scheme,
        person_year_masks.year,
        sum(person_year_masks.persons) filter (where person_year_masks.year_end_mask & scheme_bits.scheme_bit <> 0)::integer as participants_year_end,
        sum(person_year_masks.persons) filter (where person_year_masks.financed_mask & scheme_bits.scheme_bit <> 0)::integer as financed_persons,
    from person_year_masks
    cross join scheme_bits
    group by all
    union all
    select
        city,
        'all' as scheme,
        year,
        sum(persons) filter (where year_end_mask is not null)::integer as participants_year_end,
        sum(persons) filter (where financed_mask is not null)::integer as financed_persons,
    from person_year_masks
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
        financed_persons::integer as enrolled_persons,
    from int_financing_summed
    union all
    select
        city_financing.city,
        'all' as scheme,
        city_financing.year,
        city_financing.financing_total,
        city_persons.enrolled_persons,
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
            sum(persons)::integer as enrolled_persons,
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
        count(distinct person_no) filter (where counts_beneficiary)::integer as beneficiaries,
        count(distinct person_no) filter (
            where counts_beneficiary
                and service_type in ('home_visit', 'home_family', 'community_day', 'home_medical_nursing')
        )::integer as home_community_beneficiaries,
        sum(fund_amt)::decimal(18, 2) as fund_amt,
        sum(eligible_amt)::decimal(18, 2) as eligible_amt,
    from settlements
    group by grouping sets ((city, scheme, service_year), (city, service_year))
    having grouping(scheme) = 1 or scheme <> 'unassigned'
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

-- each year's reference date: its last day, or the data's last day in the data's last year
reference_dates as (
    select distinct
        keys.year,
        case when keys.year = period.last_year then period.last_date else make_date(keys.year, 12, 31) end as reference_date,
    from keys
    cross join period
),

designated as (
    select
        institutions.city,
        reference_dates.year,
        count(distinct institutions.institution_code)::integer as designated_institutions,
    from institutions
    inner join reference_dates
        on institutions.designated_from <= reference_dates.reference_date
        and coalesce(institutions.designated_to, date '9999-12-31') >= reference_dates.reference_date
    group by all
),

caregivers as (
    select
        institutions.city,
        year(visits.check_in)::integer as year,
        count(distinct visits.caregiver_code)::integer as caregivers,
    from visits
    inner join institutions
        on institutions.institution_code = visits.institution_code
    where visits.caregiver_code is not null
    group by all
),

final as (
    select
        keys.city,
        city_names.city_name,
        keys.scheme,
        keys.year,
        coalesce(participants.participants, 0) as participants,
        coalesce(masked_counts.participants_year_end, 0) as participants_year_end,
        coalesce(services.beneficiaries, 0) as beneficiaries,
        case
            when participants.participants > 0
                then round(coalesce(services.beneficiaries, 0) * 1000 / participants.participants, 2)::decimal(12, 2)
        end as beneficiaries_per_1000,
        case
            when masked_counts.financed_persons > 0
                then round(financing.financing_total / masked_counts.financed_persons, 2)::decimal(18, 2)
        end as financing_per_capita,
        case
            when financing.enrolled_persons > 0
                then round(financing.financing_total / financing.enrolled_persons, 2)::decimal(18, 2)
        end as financing_per_enrolled,
        coalesce(designated.designated_institutions, 0) as designated_institutions,
        coalesce(caregivers.caregivers, 0) as caregivers,
        fund_annual.income_total,
        fund_annual.expenditure_total,
        fund_annual.net,
        fund_annual.deficit,
        fund_annual.balance_end,
        fund_annual.balance_known,
        fund_annual.surplus_rate,
        fund_annual.months_payable,
        fund_annual.surplus_status,
        fund_annual.status_note,
        fund_annual.status_basis,
        fund_annual.is_fund,
        fund_annual.expenditure_months,
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
        coalesce(masked_counts.financed_persons, 0) as financed_persons,
        coalesce(financing.enrolled_persons, 0) as enrolled_persons,
        services.fund_amt,
        services.eligible_amt,
    from keys
    left join participants
        on participants.city = keys.city
        and participants.scheme = keys.scheme
        and participants.year = keys.year
    left join masked_counts
        on masked_counts.city = keys.city
        and masked_counts.scheme = keys.scheme
        and masked_counts.year = keys.year
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
    left join designated
        on designated.city = keys.city
        and designated.year = keys.year
    left join caregivers
        on caregivers.city = keys.city
        and caregivers.year = keys.year
    left join city_names
        on city_names.city = keys.city
    left join national
        on true
)

select * from final
