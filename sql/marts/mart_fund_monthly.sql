-- grain: one row per city, scheme (employee / resident / unassigned / all) and month, every month
-- from the scheme's first month with any flow through the city's last month with any flow
-- Cash-based (int_fund_flows_dated). Months without flows get zeros so cumulative_balance is
-- continuous. Extra columns for the monthly report: a 12-month months-payable and its status,
-- last month's and last year's same-month figures. For a city whose policy keeps one account for
-- both schemes (policy_scheme.single_account), a scheme row's status is the `all` row's status.
with flows as (
    select * from int_fund_flows_dated
),

policies as (
    select * from policy_scheme
),

monthly_flows as (
    select
        city,
        case when grouping(scheme) = 1 then 'all' else scheme end as scheme,
        flow_month as month,
        sum(amount) filter (where component = 'income_individual') as income_individual,
        sum(amount) filter (where component = 'income_medical_fund') as income_medical_fund,
        sum(amount) filter (where component = 'income_fiscal') as income_fiscal,
        sum(amount) filter (where component = 'income_employer') as income_employer,
        sum(amount) filter (where component = 'income_other') as income_other,
        sum(amount) filter (where component = 'expenditure_benefits') as expenditure_benefits,
        sum(amount) filter (where component = 'expenditure_assessment') as expenditure_assessment,
        sum(amount) filter (where component = 'expenditure_operator') as expenditure_operator,
        sum(amount) filter (where component = 'expenditure_other') as expenditure_other,
        sum(source_rows) as flows,
    from flows
    group by grouping sets ((city, scheme, flow_month), (city, flow_month))
),

scheme_spans as (
    select
        city,
        scheme,
        min(month) as first_month,
        max(month) as last_flow_month,
    from monthly_flows
    group by city, scheme
),

spans as (
    select
        city,
        scheme,
        first_month,
        max(last_flow_month) over (partition by city) as last_month,
    from scheme_spans
),

spine as (
    select
        city,
        scheme,
        unnest(generate_series(first_month, last_month, interval 1 month))::date as month,
    from spans
),

filled as (
    select
        spine.city,
        spine.scheme,
        spine.month,
        year(spine.month)::integer as year,
        coalesce(monthly_flows.income_individual, 0)::decimal(18, 2) as income_individual,
        coalesce(monthly_flows.income_medical_fund, 0)::decimal(18, 2) as income_medical_fund,
        coalesce(monthly_flows.income_fiscal, 0)::decimal(18, 2) as income_fiscal,
        coalesce(monthly_flows.income_employer, 0)::decimal(18, 2) as income_employer,
        coalesce(monthly_flows.income_other, 0)::decimal(18, 2) as income_other,
        coalesce(monthly_flows.expenditure_benefits, 0)::decimal(18, 2) as expenditure_benefits,
        coalesce(monthly_flows.expenditure_assessment, 0)::decimal(18, 2) as expenditure_assessment,
        coalesce(monthly_flows.expenditure_operator, 0)::decimal(18, 2) as expenditure_operator,
        coalesce(monthly_flows.expenditure_other, 0)::decimal(18, 2) as expenditure_other,
        coalesce(monthly_flows.flows, 0)::integer as flows,
    from spine
    left join monthly_flows
        on monthly_flows.city = spine.city
        and monthly_flows.scheme = spine.scheme
        and monthly_flows.month = spine.month
),

totalled as (
    select
        *,
        (income_individual + income_medical_fund + income_fiscal + income_employer + income_other)::decimal(18, 2) as income_total,
        (expenditure_benefits + expenditure_assessment + expenditure_operator + expenditure_other)::decimal(18, 2) as expenditure_total,
    from filled
),

accumulated as (
    select
        *,
        (income_total - expenditure_total)::decimal(18, 2) as net,
        sum(income_total - expenditure_total) over (
            partition by city, scheme order by month rows between unbounded preceding and current row
        )::decimal(18, 2) as cumulative_balance,
        sum(expenditure_total) over (
            partition by city, scheme order by month rows between 11 preceding and current row
        )::decimal(18, 2) as expenditure_12m,
        count(*) over (
            partition by city, scheme order by month rows between 11 preceding and current row
        )::integer as months_in_12m_window,
    from totalled
),

single_account_months as (
    select
        spine.city,
        spine.month,
        bool_or(coalesce(policies.single_account, false)) as single_account,
    from (select distinct city, month from spine) as spine
    inner join policies
        on policies.city = spine.city
        and policies.effective_from <= last_day(spine.month)
        and coalesce(policies.effective_to, date '9999-12-31') >= spine.month
    group by all
),

statused as (
    select
        accumulated.*,
        case
            when accumulated.expenditure_12m > 0
                then round(accumulated.cumulative_balance * accumulated.months_in_12m_window / accumulated.expenditure_12m, 2)::decimal(12, 2)
        end as months_payable_12m,
        surplus_status(accumulated.cumulative_balance, accumulated.expenditure_12m, accumulated.months_in_12m_window) as own_status_12m,
        coalesce(single_account_months.single_account, false) as single_account,
    from accumulated
    left join single_account_months
        on single_account_months.city = accumulated.city
        and single_account_months.month = accumulated.month
),

final as (
    select
        statused.city,
        statused.scheme,
        statused.month,
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
        statused.cumulative_balance,
        statused.flows,
        statused.flows > 0 as has_flows,
        statused.single_account,
        status_basis(statused.single_account, statused.scheme) as status_basis,
        statused.expenditure_12m,
        statused.months_in_12m_window,
        statused.months_payable_12m,
        judged_status(
            status_basis(statused.single_account, statused.scheme), statused.own_status_12m, all_rows.own_status_12m
        ) as surplus_status_12m,
        lag(statused.income_total) over by_month as income_total_prev_month,
        lag(statused.expenditure_total) over by_month as expenditure_total_prev_month,
        lag(statused.income_total, 12) over by_month as income_total_prev_year,
        lag(statused.expenditure_total, 12) over by_month as expenditure_total_prev_year,
        lag(statused.cumulative_balance, 12) over by_month as cumulative_balance_prev_year,
    from statused
    left join statused as all_rows
        on all_rows.city = statused.city
        and all_rows.month = statused.month
        and all_rows.scheme = 'all'
    window by_month as (partition by statused.city, statused.scheme order by statused.month)
)

select * from final
