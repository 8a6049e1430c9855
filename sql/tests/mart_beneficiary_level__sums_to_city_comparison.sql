-- invariant: the beneficiaries by level add up to the year's beneficiaries (mart_city_comparison),
-- the sum the public site's small-cell suppression publishes and protects
with levels as (
    select
        city,
        scheme,
        year,
        sum(beneficiaries) as beneficiaries,
    from mart_beneficiary_level
    group by all
),

comparison as (
    select * from mart_city_comparison
    where beneficiaries > 0
)

select
    city,
    scheme,
    year,
    levels.beneficiaries as by_level,
    comparison.beneficiaries as city_total,
from levels
full join comparison using (city, scheme, year)
where levels.beneficiaries is distinct from comparison.beneficiaries
