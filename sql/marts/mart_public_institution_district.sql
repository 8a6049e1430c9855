-- grain: one row per city, district (admdvs as delivered) and institution category
-- The institutions designated on the data's as-of date (mart_public_institution) and their nursing
-- beds, as the public site counts them.
with institutions as (
    select * from mart_public_institution
),

final as (
    select
        city,
        admdvs,
        any_value(district_name) as district_name,
        any_value(is_district) as is_district,
        category,
        count(*)::integer as institutions,
        sum(beds)::integer as beds,
    from institutions
    group by city, admdvs, category
)

select * from final
