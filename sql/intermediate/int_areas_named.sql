-- grain: one row per area code (admdvs) with a name: the area reference (config/admdvs.json,
-- table ref_admdvs) first, else the name a policy gives its area (policy_area)
with reference as (
    select * from ref_admdvs
),

policy_areas as (
    select
        admdvs,
        min(area_name) as area_name,
    from policy_area
    group by admdvs
),

final as (
    select
        coalesce(reference.admdvs, policy_areas.admdvs) as admdvs,
        left(coalesce(reference.admdvs, policy_areas.admdvs), 4) || '00' as city,
        coalesce(reference.name, policy_areas.area_name) as area_name,
    from reference
    full join policy_areas
        on policy_areas.admdvs = reference.admdvs
)

select * from final
