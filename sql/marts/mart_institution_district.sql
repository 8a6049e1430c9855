-- grain: one row per city, district (admdvs as delivered) and institution category
-- Designated institutions and their nursing beds, counted from mart_institution (every
-- institution delivered, including those whose designation has ended).
with institutions as (
    select * from mart_institution
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
