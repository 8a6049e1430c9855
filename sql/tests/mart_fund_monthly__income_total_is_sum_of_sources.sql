-- invariant: income_total = income_individual + income_medical_fund + income_fiscal + income_employer + income_other
select *
from mart_fund_monthly
where income_total <> income_individual + income_medical_fund + income_fiscal + income_employer + income_other
