-- invariant: no month the dashboards offer or open on lies after the data's as-of date
select *
from mart_data_period
where last_month > as_of_date
    or default_month > as_of_date
    or latest_complete_month > as_of_date
