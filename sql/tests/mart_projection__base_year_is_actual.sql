-- the base year of every scenario is mart_fund_annual's year, to the fen
select projection.city, projection.scheme, projection.scenario, projection.year
from mart_projection as projection
left join mart_fund_annual as annual
    on annual.city = projection.city
    and annual.scheme = projection.scheme
    and annual.year = projection.year
where projection.is_base_year
    and (
        annual.year is null
        or projection.income_total <> annual.income_total
        or projection.expenditure_total <> annual.expenditure_total
        or projection.balance_end <> annual.balance_end
    )
