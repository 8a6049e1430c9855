-- The surplus principle's figures for a fund with `balance` at the end of a period that spent
-- `expenditure` over `expenditure_months` months with expenditure (docs/marts.md, "Surplus status").
--
-- months_payable: 累计结余可支付月数 M = balance ÷ (expenditure ÷ expenditure_months), the balance over
-- the average monthly expenditure of the months that had expenditure. Null without expenditure, and
-- when the balance is negative (累计结余穿底: no months can be paid; the status says so) or unknown.
create or replace macro months_payable(balance, expenditure, expenditure_months) as
    case
        when balance >= 0 and expenditure > 0 and expenditure_months > 0
            then round(balance * expenditure_months / expenditure, 2)::decimal(12, 2)
    end;

-- surplus_status: the band (cfg_surplus_band, from config/thresholds.json) of the balance and M,
-- compared without dividing: balance × months against band edge × expenditure. `overdrawn` is
-- judged on the balance alone; with no expenditure there is no M and no months-payable band.
create or replace macro surplus_status(balance, expenditure, months) as (
    select bands.status
    from cfg_surplus_band as bands
    where (
            bands.basis = 'balance'
            and (bands.min_value is null or balance > bands.min_value
                or (bands.min_inclusive and balance = bands.min_value))
            and (bands.max_value is null or balance < bands.max_value
                or (bands.max_inclusive and balance = bands.max_value))
        )
        or (
            bands.basis = 'months_payable'
            and expenditure > 0
            and (bands.min_value is null
                or balance * months > bands.min_value * expenditure
                or (bands.min_inclusive and balance * months = bands.min_value * expenditure))
            and (bands.max_value is null
                or balance * months < bands.max_value * expenditure
                or (bands.max_inclusive and balance * months = bands.max_value * expenditure))
        )
    order by bands.sort_order
    limit 1
);

-- status_note: why a fund gets no status, else null (it is judged):
--   'opening_balance_missing'  期初结余未提供: the fund began before its first month here and no
--                              opening balance was delivered, so its balance is not known
--   'no_expenditure'           no expenditure in the period: no M (a balance below zero is still judged)
--   'few_expenditure_months'   fewer months with expenditure than cfg_surplus_rule.min_expenditure_months
create or replace macro status_note(balance_known, balance, expenditure, expenditure_months) as
    case
        when not balance_known then 'opening_balance_missing'
        when balance < 0 then null
        when coalesce(expenditure, 0) <= 0 then 'no_expenditure'
        when expenditure_months < (select min_expenditure_months from cfg_surplus_rule) then 'few_expenditure_months'
    end;

-- fund_status: the status a fund is judged to have, null where status_note gives a reason.
create or replace macro fund_status(balance_known, balance, expenditure, expenditure_months) as
    case
        when status_note(balance_known, balance, expenditure, expenditure_months) is null
            then surplus_status(balance, expenditure, expenditure_months)
    end;
