-- invariant: mart_beneficiary_profile has one row per (city, scheme, year, disability_level, age_band, sex);
-- disability_level may be null (no assessment found), the others never
select
    city,
    scheme,
    year,
    disability_level,
    age_band,
    sex,
    count(*) as rows,
from mart_beneficiary_profile
group by all
having count(*) > 1
    or city is null or scheme is null or year is null or age_band is null or sex is null
