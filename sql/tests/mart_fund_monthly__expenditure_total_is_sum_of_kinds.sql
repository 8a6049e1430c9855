-- invariant: expenditure_total = expenditure_benefits + expenditure_assessment + expenditure_operator + expenditure_other,
-- and net = income_total − expenditure_total
select *
from mart_fund_monthly
where expenditure_total <> expenditure_benefits + expenditure_assessment + expenditure_operator + expenditure_other
    or net <> income_total - expenditure_total
