-- invariant: the public counts by district and category add up to the public list, city by city
with listed as (
    select city, count(*) as listed_institutions, coalesce(sum(beds), 0) as listed_beds,
    from mart_public_institution
    group by all
),

counted as (
    select city, sum(institutions) as counted_institutions, coalesce(sum(beds), 0) as counted_beds,
    from mart_public_institution_district
    group by all
)

select
    coalesce(listed.city, counted.city) as city,
    listed.listed_institutions,
    counted.counted_institutions,
from listed
full join counted
    on counted.city = listed.city
where listed.listed_institutions is distinct from counted.counted_institutions
    or listed.listed_beds is distinct from counted.counted_beds
