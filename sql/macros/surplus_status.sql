-- surplus_status(balance, expenditure, months): the status band (cfg_surplus_band, from
-- config/thresholds.json) of a fund with `balance` that spent `expenditure` over `months` months.
-- Months payable M = balance / (expenditure / months), compared without dividing:
-- balance × months against band edge × expenditure. `overdrawn` is judged on the balance alone;
-- with no expenditure there is no M and no months-payable band.
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
)
