-- grain: one row per institution designated on the data's as-of date (mart_data_period): what the
-- public site lists as 定点护理服务机构 — each institution once, with its district, category and
-- beds. An institution whose designation ended before the as-of date, or begins after it, is not
-- listed (the dashboards keep them: mart_institution). Organisations, not persons: nothing hidden.
with institutions as (
    select * from mart_institution
),

period as (
    select as_of_date from mart_data_period
    where city = 'all'
),

final as (
    select
        institutions.institution_code,
        institutions.institution_name,
        institutions.city,
        institutions.admdvs,
        institutions.district_name,
        institutions.is_district,
        institutions.category,
        institutions.grade,
        institutions.beds,
        institutions.designated_from,
        institutions.designated_to,
        period.as_of_date,
    from institutions
    inner join period
        on institutions.designated_from <= period.as_of_date
        and coalesce(institutions.designated_to, date '9999-12-31') >= period.as_of_date
)

select * from final
