-- every breakdown of mart_audit_summary adds up to its city's total, and the total is the sum over
-- mart_audit_settlements (the headline counted once per settlement)
with summary as (
    select * from mart_audit_summary
),

settlements as (
    select * from mart_audit_settlements
),

from_settlements as (
    select
        coalesce(city, '*') as city,
        count(*) as settlements,
        coalesce(sum(overpaid_amt) filter (where counts_in_headline), 0) as overpaid_amt,
        coalesce(sum(overpaid_amt) filter (where price_basis = 'assumed'), 0) as assumed_overpaid_amt,
    from settlements
    group by rollup (city)
),

totals as (
    select * from summary where breakdown = 'total'
),

breakdowns as (
    select
        city,
        breakdown,
        sum(settlements_primary) as settlements,
        sum(overpaid_amt) as overpaid_amt,
        sum(assumed_overpaid_amt) as assumed_overpaid_amt,
    from summary
    where breakdown <> 'total'
    group by all
)

select 'total vs settlements' as check_name, totals.city, totals.settlements, from_settlements.settlements as expected_settlements,
    totals.overpaid_amt, from_settlements.overpaid_amt as expected_overpaid_amt,
from totals
left join from_settlements
    on from_settlements.city = totals.city
where totals.settlements <> coalesce(from_settlements.settlements, 0)
    or totals.overpaid_amt <> coalesce(from_settlements.overpaid_amt, 0)
    or totals.assumed_overpaid_amt <> coalesce(from_settlements.assumed_overpaid_amt, 0)
union all
select 'breakdown ' || breakdowns.breakdown, breakdowns.city, breakdowns.settlements, totals.settlements,
    breakdowns.overpaid_amt, totals.overpaid_amt,
from breakdowns
inner join totals
    on totals.city = breakdowns.city
where breakdowns.settlements <> totals.settlements
    or breakdowns.overpaid_amt <> totals.overpaid_amt
    or breakdowns.assumed_overpaid_amt <> totals.assumed_overpaid_amt
