-- the months of a year add up to the year, and the years to every month together ('all'), for every
-- city, breakdown and key: counts and money alike (a settlement is paid in one month only)
with periods as (
    select * from mart_audit_period
),

months as (
    select city, left(period, 4) as year, breakdown, key,
        sum(settlements) as settlements, sum(overpaid_amt) as overpaid_amt, sum(underpaid_amt) as underpaid_amt,
        sum(assumed_overpaid_amt) as assumed_overpaid_amt, sum(missing_paid_amt) as missing_paid_amt,
        sum(coalesce(settlements_checked, 0)) as settlements_checked,
    from periods
    where period_kind = 'month'
    group by all
),

years as (
    select * from periods where period_kind = 'year'
),

years_summed as (
    select city, breakdown, key,
        sum(settlements) as settlements, sum(overpaid_amt) as overpaid_amt, sum(underpaid_amt) as underpaid_amt,
        sum(assumed_overpaid_amt) as assumed_overpaid_amt, sum(missing_paid_amt) as missing_paid_amt,
        sum(coalesce(settlements_checked, 0)) as settlements_checked,
    from years
    group by all
),

alls as (
    select * from periods where period_kind = 'all'
)

select 'months vs year' as check_name, years.city, years.period, years.breakdown, years.key
from years
full join months
    on months.city = years.city
    and months.year = years.period
    and months.breakdown = years.breakdown
    and months.key = years.key
where years.settlements is distinct from months.settlements
    or years.overpaid_amt is distinct from months.overpaid_amt
    or years.underpaid_amt is distinct from months.underpaid_amt
    or years.assumed_overpaid_amt is distinct from months.assumed_overpaid_amt
    or years.missing_paid_amt is distinct from months.missing_paid_amt
    or coalesce(years.settlements_checked, 0) is distinct from months.settlements_checked
union all
select 'years vs all', alls.city, alls.period, alls.breakdown, alls.key
from alls
full join years_summed
    on years_summed.city = alls.city
    and years_summed.breakdown = alls.breakdown
    and years_summed.key = alls.key
where alls.settlements is distinct from years_summed.settlements
    or alls.overpaid_amt is distinct from years_summed.overpaid_amt
    or alls.underpaid_amt is distinct from years_summed.underpaid_amt
    or alls.assumed_overpaid_amt is distinct from years_summed.assumed_overpaid_amt
    or alls.missing_paid_amt is distinct from years_summed.missing_paid_amt
    or coalesce(alls.settlements_checked, 0) is distinct from years_summed.settlements_checked
