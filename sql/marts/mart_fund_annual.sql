-- grain: one row per city, scheme (employee / resident / all) and calendar year of the flows
-- Sums of mart_fund_monthly. balance_end = cumulative_balance at the year's last month in the span
-- (null where the opening balance is missing). months_payable = balance_end ÷ the average monthly
-- expenditure of the year's months with expenditure (never negative: null when balance_end < 0);
-- no status on fewer months with expenditure than cfg_surplus_rule says (status_note says why).
-- deficit: the year's income below its expenditure (当年收不抵支), apart from the balance status.
-- is_fund: the rows that are funds (status_basis 'own'), the one definition of "funds judged".
with monthly as (
    select * from mart_fund_monthly
),

annual as (
    select
        city,
        scheme,
        year,
        sum(income_individual)::decimal(18, 2) as income_individual,
        sum(income_medical_fund)::decimal(18, 2) as income_medical_fund,
        sum(income_fiscal)::decimal(18, 2) as income_fiscal,
        sum(income_employer)::decimal(18, 2) as income_employer,
        sum(income_other)::decimal(18, 2) as income_other,
        sum(income_total)::decimal(18, 2) as income_total,
        sum(expenditure_benefits)::decimal(18, 2) as expenditure_benefits,
        sum(expenditure_assessment)::decimal(18, 2) as expenditure_assessment,
        sum(expenditure_operator)::decimal(18, 2) as expenditure_operator,
        sum(expenditure_other)::decimal(18, 2) as expenditure_other,
        sum(expenditure_total)::decimal(18, 2) as expenditure_total,
        sum(net)::decimal(18, 2) as net,
        sum(unassigned_settlements)::integer as unassigned_settlements,
        sum(unassigned_fund_amt)::decimal(18, 2) as unassigned_fund_amt,
        arg_max(cumulative_balance, month) as balance_end,
        arg_min(cumulative_balance - net, month) as balance_start,
        arg_max(balance_known, month) as balance_known,
        arg_max(opening_balance, month) as opening_balance,
        arg_max(opening_date, month) as opening_date,
        any_value(fund_from) as fund_from,
        bool_or(opening_required) as opening_required,
        count(*) filter (where expenditure_total > 0)::integer as expenditure_months,
        min(month) as first_month,
        max(month) as last_month,
        count(*)::integer as months_covered,
        bool_or(single_account) as single_account,
    from monthly
    group by all
),

statused as (
    select
        annual.*,
        case
            when annual.income_total <> 0 then round(annual.net / annual.income_total, 4)::decimal(10, 4)
        end as surplus_rate,
        case
            when annual.expenditure_months > 0 then round(annual.expenditure_total / annual.expenditure_months, 2)::decimal(18, 2)
        end as avg_monthly_expenditure,
        months_payable(annual.balance_end, annual.expenditure_total, annual.expenditure_months) as months_payable,
        fund_status(annual.balance_known, annual.balance_end, annual.expenditure_total, annual.expenditure_months) as own_status,
        status_note(annual.balance_known, annual.balance_end, annual.expenditure_total, annual.expenditure_months) as own_note,
        status_basis(annual.single_account, annual.scheme, coalesce(schemes_in_city.schemes, 0)) as status_basis,
    from annual
    left join (
        select city, year, count(*)::integer as schemes,
        from annual
        where scheme <> 'all'
        group by all
    ) as schemes_in_city
        on schemes_in_city.city = annual.city
        and schemes_in_city.year = annual.year
),

final as (
    select
        statused.city,
        statused.scheme,
        statused.year,
        statused.income_individual,
        statused.income_medical_fund,
        statused.income_fiscal,
        statused.income_employer,
        statused.income_other,
        statused.income_total,
        statused.expenditure_benefits,
        statused.expenditure_assessment,
        statused.expenditure_operator,
        statused.expenditure_other,
        statused.expenditure_total,
        statused.net,
        statused.income_total < statused.expenditure_total as deficit,
        statused.balance_start,
        statused.balance_end,
        statused.balance_known,
        statused.opening_balance,
        statused.opening_date,
        statused.fund_from,
        statused.opening_required,
        statused.surplus_rate,
        statused.expenditure_months,
        statused.avg_monthly_expenditure,
        statused.months_payable,
        judged(statused.status_basis, statused.own_status, all_rows.own_status, only_scheme.own_status) as surplus_status,
        coalesce(
            judged(statused.status_basis, statused.own_note, all_rows.own_note, only_scheme.own_note),
            case when statused.status_basis = 'none' then 'separate_accounts' end
        ) as status_note,
        statused.own_status as scheme_own_status,
        statused.single_account,
        statused.status_basis,
        statused.status_basis = 'own' as is_fund,
        judged(statused.status_basis, statused.months_payable, all_rows.months_payable, only_scheme.months_payable) as status_months_payable,
        statused.unassigned_settlements,
        statused.unassigned_fund_amt,
        statused.first_month,
        statused.last_month,
        statused.months_covered,
        statused.months_covered = 12 as year_complete,
    from statused
    left join statused as all_rows
        on all_rows.city = statused.city
        and all_rows.year = statused.year
        and all_rows.scheme = 'all'
    left join statused as only_scheme
        on only_scheme.city = statused.city
        and only_scheme.year = statused.year
        and only_scheme.scheme <> 'all'
        and statused.status_basis = 'scheme'
)

select * from final
