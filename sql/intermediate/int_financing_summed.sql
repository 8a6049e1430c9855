-- grain: one row per city, scheme and contribution year: the contributions on its enrolment rows
-- and how many rows (per scheme an enrolment row is one person: the key is person_no, scheme, year;
-- the data test stg_enrolment__key_unique_not_null holds it). mart_city_comparison's financing.
with enrolments as (
    select * from stg_enrolment
),

final as (
    select
        city,
        scheme,
        year,
        sum(contribution_total) as financing_total,
        count(person_no) as financed_persons,
    from enrolments
    group by city, scheme, year
)

select * from final
