-- grain: one row per designated care institution (institution_code), as the latest delivery gives it
-- District names from the area reference (int_areas_named); an admdvs equal to the city code means
-- the delivery gave no district (is_district false). Institutions are organisations: their names
-- are public; institutions whose designation has ended stay, with designated_to.
with institutions as (
    select * from stg_institution
),

areas as (
    select * from int_areas_named
),

final as (
    select
        institutions.institution_code,
        institutions.institution_name,
        institutions.city,
        institutions.admdvs,
        areas.area_name as district_name,
        institutions.admdvs <> institutions.city as is_district,
        institutions.category,
        institutions.grade,
        institutions.beds,
        institutions.designated_from,
        institutions.designated_to,
    from institutions
    left join areas
        on areas.admdvs = institutions.admdvs
)

select * from final
