-- scenario no_change holds everything at the base year: every year's income and expenditure by
-- component is the base year's, to the fen
select later.city, later.scheme, later.year
from mart_projection as later
inner join mart_projection as base
    on base.city = later.city
    and base.scheme = later.scheme
    and base.scenario = later.scenario
    and base.is_base_year
where later.scenario = 'no_change'
    and (
        later.income_contributions <> base.income_contributions
        or later.income_other <> base.income_other
        or later.expenditure_benefits <> base.expenditure_benefits
        or later.expenditure_assessment <> base.expenditure_assessment
        or later.expenditure_operator <> base.expenditure_operator
        or later.expenditure_other <> base.expenditure_other
    )
