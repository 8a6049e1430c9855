-- grain: one row per designated care institution
with source as (
    select * from raw_institution
),
renamed as (
    select
        institution_code,
        name as institution_name,
        admdvs,
        left(admdvs, 4) || '00' as city,
        category,
        grade,
        designated_from,
        designated_to,
        beds,
        load_id,
    from source
)
select * from renamed
