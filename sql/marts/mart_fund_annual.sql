-- grain: one row per city, scheme (employee / resident / unassigned / all) and calendar year of the flows
-- Sums of mart_fund_monthly. balance_end = cumulative_balance at the year's last month in the span.
-- months_payable = balance_end / (expenditure_total / 12) even for a partial year (spec);
-- year_complete / months_covered say when a year has fewer than 12 months in the span.
-- surplus_status from cfg_surplus_band; a single-account city's scheme rows take the `all` row's status;
-- elsewhere `unassigned` rows (flows of persons with no enrolment) are no fund and get no status.
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
        arg_max(cumulative_balance, month) as balance_end,
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
            when annual.expenditure_total > 0 then round(annual.balance_end * 12 / annual.expenditure_total, 2)::decimal(12, 2)
        end as months_payable,
        surplus_status(annual.balance_end, annual.expenditure_total, 12) as own_status,
    from annual
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
        statused.balance_end,
        statused.surplus_rate,
        statused.months_payable,
        judged_status(
            status_basis(statused.single_account, statused.scheme), statused.own_status, all_rows.own_status
        ) as surplus_status,
        statused.own_status as scheme_own_status,
        statused.single_account,
        status_basis(statused.single_account, statused.scheme) as status_basis,
        case
            when status_basis(statused.single_account, statused.scheme) = 'all' then all_rows.months_payable
            else statused.months_payable
        end as status_months_payable,
        statused.first_month,
        statused.last_month,
        statused.months_covered,
        statused.months_covered = 12 as year_complete,
    from statused
    left join statused as all_rows
        on all_rows.city = statused.city
        and all_rows.year = statused.year
        and all_rows.scheme = 'all'
)

select * from final
