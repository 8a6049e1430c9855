-- invariant: the counts by district and category add up to the list, city by city
with listed as (
    select
        city,
        count(*) as institutions,
        coalesce(sum(beds), 0) as beds,
    from mart_institution
    group by city
),

counted as (
    select
        city,
        sum(institutions) as institutions,
        coalesce(sum(beds), 0) as beds,
    from mart_institution_district
    group by city
)

select
    city,
    listed.institutions as listed_institutions,
    counted.institutions as counted_institutions,
    listed.beds as listed_beds,
    counted.beds as counted_beds,
from listed
full join counted using (city)
where listed.institutions is distinct from counted.institutions
    or listed.beds is distinct from counted.beds
