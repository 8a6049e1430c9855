-- grain: one row per fund and base year: the funds a projection starts from, with the base year's
-- actual flows (mart_fund_annual) and the catalog's financing per head.
-- A fund is what keeps an account (mart_fund_annual.is_fund, the one definition of the funds): a
-- city's `all` row where both schemes share one (policy_scheme.single_account), else each scheme of
-- the city (never the `all` sum of two separate accounts). Base years: every calendar year with 12 months of flows;
-- is_latest marks the one mart_projection starts from, the earlier ones feed the backtest.
-- opening_balance: the cumulative balance at the start of the base year (balance_end − net), so
-- whatever mart_fund_annual counts into the balance (an opening balance carried in) flows through;
-- null where the balance is not known (期初结余未提供): the flows are projected, the balance is not.
-- financing_per_head: the catalog's per-head amounts (policy_financing) in force on the base year's
-- last day, summed over components; for an `all` fund the schemes' amounts weighted by their
-- financed persons; where the catalog has none, the contributions per financed person.
with annual as (
    select * from mart_fund_annual
),

policies as (
    select * from policy_scheme
),

financing as (
    select * from policy_financing
),

financed as (
    select * from int_financing_summed
),

funds as (
    select
        city,
        scheme,
        year as base_year,
        single_account,
        income_individual + income_medical_fund + income_fiscal + income_employer as income_contributions,
        income_other,
        income_total,
        expenditure_benefits,
        expenditure_assessment,
        expenditure_operator,
        expenditure_other,
        expenditure_total,
        balance_end,
        (balance_end - net)::decimal(18, 2) as opening_balance,
    from annual
    where months_covered = 12
        and is_fund
),

catalog_per_scheme as (
    select
        policies.city,
        policies.scheme,
        funds.base_year,
        sum(financing.amount)::decimal(18, 2) as catalog_per_head,
    from funds
    inner join policies
        on policies.city = funds.city
        and (funds.scheme = 'all' or policies.scheme = funds.scheme)
        and policies.effective_from <= make_date(funds.base_year, 12, 31)
        and coalesce(policies.effective_to, date '9999-12-31') >= make_date(funds.base_year, 12, 31)
    inner join financing
        on financing.policy_id = policies.policy_id
        and financing.effective_from <= make_date(funds.base_year, 12, 31)
        and coalesce(financing.effective_to, date '9999-12-31') >= make_date(funds.base_year, 12, 31)
    group by all
),

-- per fund: the catalog amount (financed-person weighted over the schemes of an `all` fund) and the
-- contributions per financed person as the fallback
per_head as (
    select
        funds.city,
        funds.scheme,
        funds.base_year,
        sum(catalog_per_scheme.catalog_per_head * financed.financed_persons)
            / nullif(sum(financed.financed_persons) filter (where catalog_per_scheme.catalog_per_head is not null), 0) as catalog_per_head,
        sum(financed.financing_total) / nullif(sum(financed.financed_persons), 0) as observed_per_head,
    from funds
    inner join financed
        on financed.city = funds.city
        and financed.year = funds.base_year
        and (funds.scheme = 'all' or financed.scheme = funds.scheme)
    left join catalog_per_scheme
        on catalog_per_scheme.city = funds.city
        and catalog_per_scheme.scheme = financed.scheme
        and catalog_per_scheme.base_year = funds.base_year
    group by all
),

final as (
    select
        funds.*,
        funds.base_year = max(funds.base_year) over (partition by funds.city, funds.scheme) as is_latest,
        -- rounded to the fen here: the per-head standard the projection and the page speak of
        round(coalesce(per_head.catalog_per_head, per_head.observed_per_head), 2)::decimal(18, 2) as financing_per_head,
        per_head.catalog_per_head is not null as financing_from_catalog,
    from funds
    left join per_head
        on per_head.city = funds.city
        and per_head.scheme = funds.scheme
        and per_head.base_year = funds.base_year
)

select * from final
