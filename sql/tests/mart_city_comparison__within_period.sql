-- invariant: no year after the data's last flow (int_extract_period_bounded), even where coverage
-- or contributions paid in advance reach into it
select 'mart_city_comparison' as mart, city, scheme, year
from mart_city_comparison
where year > (select last_year from int_extract_period_bounded)
union all
select 'mart_district', city, scheme, year
from mart_district
where year > (select last_year from int_extract_period_bounded)
union all
select 'mart_beneficiary_profile', city, scheme, year
from mart_beneficiary_profile
where year > (select last_year from int_extract_period_bounded)
