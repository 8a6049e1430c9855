-- expected_fund_amt: null on reversal pairs and where no policy is in the catalog, 0 when the settlement
-- may not be paid at all, else the price of the payable units; payable ≤ claimed ≤ billed units
with priced as (
    select * from int_settlement_priced
)

select
    settlement_id,
    is_audited,
    is_eligible,
    billed_units,
    claimed_units,
    payable_units,
    expected_fund_amt,
from priced
where case
    when not is_audited then expected_fund_amt is not null
    when flag_policy_missing and not is_fully_checked then expected_fund_amt is not null
    when not is_eligible then expected_fund_amt is distinct from 0
    else expected_fund_amt is null
        or expected_fund_amt < 0
        or payable_units < 0
        or payable_units > claimed_units
        or claimed_units > billed_units
end
