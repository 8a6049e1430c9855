-- expected_fund_amt is the price when eligible, 0 when not, null only on reversal rows
with priced as (
    select * from int_settlement_priced
)

select
    settlement_id,
    is_reversal,
    is_eligible,
    priced_fund_amt,
    expected_fund_amt,
from priced
where case
    when is_reversal then expected_fund_amt is not null
    when is_eligible then expected_fund_amt is distinct from priced_fund_amt
    else expected_fund_amt <> 0
end
