-- each year's balance_end is last year's plus the year's net; totals are the sums of their parts
select city, scheme, scenario, year
from (
    select
        *,
        lag(balance_end) over (partition by city, scheme, scenario order by year) as previous_balance,
    from mart_projection
)
where (previous_balance is not null and balance_end <> previous_balance + net)
    or income_total <> income_contributions + income_other
    or expenditure_total <> expenditure_benefits + expenditure_assessment + expenditure_operator + expenditure_other
    or net <> income_total - expenditure_total
