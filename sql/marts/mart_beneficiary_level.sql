-- grain: one row per city, scheme (… / all), year and disability level (null: no assessment on record)
-- Beneficiaries by the level of their latest assessment before the end of their last service month
-- of the year: mart_beneficiary_profile without its age bands and sexes. Each beneficiary is in one
-- profile cell per city, scheme and year, so the sum counts each person once.
with profile as (
    select * from mart_beneficiary_profile
),

final as (
    select
        city,
        scheme,
        year,
        disability_level,
        sum(beneficiaries)::bigint as beneficiaries,
    from profile
    group by city, scheme, year, disability_level
)

select * from final
