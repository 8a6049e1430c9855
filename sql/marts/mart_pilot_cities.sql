-- grain: one row per national pilot city (national_pilot_city, 49), plus one per city with data here
-- that is not a national pilot; has_data says whether this warehouse holds any rows for it
-- A pilot is matched to the data by its 6-digit city code (national_pilot_city.city); pilots whose
-- code is unknown (null) never match. pilot_key: the pilot's own area code, else its city code, else its name.
-- batch: '2016' first batch (人社厅发〔2016〕80号), 'key_province' a city of 吉林 or 山东 (the key-contact
-- provinces named with it), '2020' the expansion; scheme_from: the year the city's own scheme began,
-- where a source says (济宁 2018), with the document.
with pilots as (
    select * from national_pilot_city
),

policies as (
    select * from policy_scheme
),

-- the months with any enrolment row: int_contributions_summed has one row per enrolment row's city
-- and income month (among its other keys), a few thousand rows instead of millions
activity as (
    select city, flow_month as month from int_contributions_summed
    union all
    select city, service_month from stg_settlement
    union all
    select city, date_trunc('month', apply_date)::date from stg_assessment
    union all
    select city, entry_month from stg_ledger
    where direction <> 'balance'
),

data_cities as (
    select
        city,
        min(month) as data_first_month,
        max(month) as data_last_month,
    from activity
    group by city
),

policy_cities as (
    select
        city,
        min(city_name) as city_name,
        min(province) as province,
        string_agg(distinct scheme, ',' order by scheme) as policy_schemes,
    from policies
    group by city
),

national_rows as (
    select
        pilots.city_name,
        pilots.province,
        pilots.batch,
        pilots.city,
        pilots.admdvs,
        pilots.scheme_from,
        pilots.scheme_document,
        true as national_pilot,
    from pilots
),

other_rows as (
    select
        coalesce(policy_cities.city_name, data_cities.city) as city_name,
        policy_cities.province,
        null as batch,
        data_cities.city,
        null as admdvs,
        null as scheme_from,
        null as scheme_document,
        false as national_pilot,
    from data_cities
    left join policy_cities
        on policy_cities.city = data_cities.city
    where data_cities.city not in (select city from pilots where city is not null)
),

final as (
    select
        coalesce(listed.admdvs, listed.city, listed.city_name) as pilot_key,
        listed.city_name,
        listed.province,
        listed.batch,
        listed.city,
        listed.admdvs,
        listed.scheme_from,
        listed.scheme_document,
        listed.national_pilot,
        data_cities.city is not null as has_data,
        data_cities.data_first_month,
        data_cities.data_last_month,
        policy_cities.policy_schemes,
    from (select * from national_rows union all select * from other_rows) as listed
    left join data_cities
        on data_cities.city = listed.city
    left join policy_cities
        on policy_cities.city = listed.city
)

select * from final
