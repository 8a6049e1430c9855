-- grain: one row per city, scheme (employee / resident / all) and month, every month from the
-- series' first month (its first flow, or the month its opening balance opens if earlier) through
-- the city's last month with any flow
-- Cash-based (int_fund_flows_dated). Months without flows get zeros so the balance is continuous.
-- Settlements of no scheme (`unassigned`: no enrolment, two schemes in force) are no fund: their
-- money counts in the city's `all` rows only, where unassigned_* say how much.
-- cumulative_balance: from the month an opening balance opens (int_opening_balances_chosen), that
-- balance + the net since (flows dated before it are inside it); else the running sum of net from
-- zero. Null (balance_known false) where the fund began (policy_scheme: fund_from, else
-- effective_from) in a month before the city's first month with a flow here and no opening
-- balance has opened.
-- The rolling 12-month months payable and status (the monthly report's), whether the year to date
-- spent more than it took in (deficit_ytd; the year-to-date sums themselves are
-- mart_fund_item_monthly.ytd, their one home) and last month's and last year's figures (docs/marts.md).
with flows as (
    select * from int_fund_flows_dated
),

openings as (
    select * from int_opening_balances_chosen
),

settlements as (
    select * from int_settlements_schemed
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

-- settlements of no scheme, by settled month: in the city's `all` rows, never a scheme of their own
unassigned as (
    select
        city,
        settled_month as month,
        count(*)::integer as unassigned_settlements,
        sum(fund_amt)::decimal(18, 2) as unassigned_fund_amt,
    from settlements
    where scheme = 'unassigned'
    group by all
),

fund_flows as (
    select * from monthly_flows
    where scheme <> 'unassigned'
),

-- when each fund began: the earliest fund_from (else effective_from) of its policies; `all`: the city's
fund_starts as (
    select city, scheme, min(coalesce(fund_from, effective_from)) as fund_from,
    from policies
    group by all
    union all
    select city, 'all', min(coalesce(fund_from, effective_from)),
    from policies
    group by city
),

-- the first month of the city's delivered flows: a fund that began before it has a balance from before
city_first_months as (
    select city, min(month) as first_flow_month,
    from monthly_flows
    where scheme = 'all'
    group by all
),

scheme_spans as (
    select city, scheme, min(month) as first_month, max(month) as last_month,
    from fund_flows
    group by all
    union all
    select city, scheme, opening_month, opening_month,
    from openings
    union all
    select city, 'all', opening_month, opening_month,
    from openings
),

spans as (
    select
        city,
        scheme,
        min(first_month) as first_month,
        max(max(last_month)) over (partition by city) as last_month,
    from scheme_spans
    group by city, scheme
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
        coalesce(fund_flows.income_individual, 0)::decimal(18, 2) as income_individual,
        coalesce(fund_flows.income_medical_fund, 0)::decimal(18, 2) as income_medical_fund,
        coalesce(fund_flows.income_fiscal, 0)::decimal(18, 2) as income_fiscal,
        coalesce(fund_flows.income_employer, 0)::decimal(18, 2) as income_employer,
        coalesce(fund_flows.income_other, 0)::decimal(18, 2) as income_other,
        coalesce(fund_flows.expenditure_benefits, 0)::decimal(18, 2) as expenditure_benefits,
        coalesce(fund_flows.expenditure_assessment, 0)::decimal(18, 2) as expenditure_assessment,
        coalesce(fund_flows.expenditure_operator, 0)::decimal(18, 2) as expenditure_operator,
        coalesce(fund_flows.expenditure_other, 0)::decimal(18, 2) as expenditure_other,
        coalesce(fund_flows.flows, 0)::integer as flows,
        case when spine.scheme = 'all' then coalesce(unassigned.unassigned_settlements, 0) else 0 end::integer as unassigned_settlements,
        case when spine.scheme = 'all' then coalesce(unassigned.unassigned_fund_amt, 0) else 0 end::decimal(18, 2) as unassigned_fund_amt,
    from spine
    left join fund_flows
        on fund_flows.city = spine.city
        and fund_flows.scheme = spine.scheme
        and fund_flows.month = spine.month
    left join unassigned
        on unassigned.city = spine.city
        and unassigned.month = spine.month
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
        sum(income_total - expenditure_total) over running::decimal(18, 2) as cumulative_net,
        sum(income_total) over ytd::decimal(18, 2) as income_ytd,
        sum(expenditure_total) over ytd::decimal(18, 2) as expenditure_ytd,
        sum(expenditure_total) over last_12::decimal(18, 2) as expenditure_12m,
        count(*) over last_12::integer as months_in_12m_window,
        count(*) filter (where expenditure_total > 0) over last_12::integer as expenditure_months_12m,
    from totalled
    window
        running as (partition by city, scheme order by month rows between unbounded preceding and current row),
        ytd as (partition by city, scheme, year order by month rows between unbounded preceding and current row),
        last_12 as (partition by city, scheme order by month rows between 11 preceding and current row)
),

-- when each fund began before the city's first delivered flow month, a balance was carried in
required as (
    select
        accumulated.*,
        fund_starts.fund_from,
        coalesce(date_trunc('month', fund_starts.fund_from) < city_first_months.first_flow_month, false) as opening_required,
    from accumulated
    left join fund_starts
        on fund_starts.city = accumulated.city
        and fund_starts.scheme = accumulated.scheme
    left join city_first_months
        on city_first_months.city = accumulated.city
),

-- A scheme's balance: from its opening month, the opening balance + the net since (flows dated
-- before it are inside it); before, the running net from zero where no balance was carried in,
-- else unknown.
scheme_balances as (
    select
        required.*,
        openings.opening_balance as scheme_opening,
        openings.opening_date as scheme_opening_date,
        openings.opening_month as scheme_opening_month,
        case
            when openings.opening_month <= required.month
                then openings.opening_balance + required.cumulative_net - coalesce(sum(required.net) filter (
                    where required.month < openings.opening_month
                ) over (partition by required.city, required.scheme), 0)
            when not required.opening_required then required.cumulative_net
        end::decimal(18, 2) as scheme_balance,
    from required
    left join openings
        on openings.city = required.city
        and openings.scheme = required.scheme
    where required.scheme <> 'all'
),

-- `all`: the sum of its schemes' balances and the settlements of no scheme since the city's last
-- opening month (or its first month); known when every scheme is, and, where the city's funds
-- began before its first flow month, once an opening balance has opened
city_months as (
    select
        city,
        month,
        bool_and(scheme_balance is not null) as schemes_known,
        sum(scheme_balance)::decimal(18, 2) as schemes_balance,
        sum(scheme_opening) filter (where scheme_opening_month <= month)::decimal(18, 2) as opening_balance,
        min(scheme_opening_date) filter (where scheme_opening_month <= month) as opening_date,
    from scheme_balances
    group by all
),

city_openings as (
    select city, max(opening_month) as last_opening_month,
    from openings
    group by all
),

all_balances as (
    select
        required.*,
        city_months.opening_balance,
        city_months.opening_date,
        case
            when coalesce(city_months.schemes_known, true)
                and (not required.opening_required or city_openings.last_opening_month <= required.month)
                then (coalesce(city_months.schemes_balance, 0) - coalesce(sum(required.unassigned_fund_amt) filter (
                    where required.month >= coalesce(city_openings.last_opening_month, date '0001-01-01')
                ) over (
                    partition by required.city order by required.month
                    rows between unbounded preceding and current row
                ), 0))
        end::decimal(18, 2) as cumulative_balance,
    from required
    left join city_months
        on city_months.city = required.city
        and city_months.month = required.month
    left join city_openings
        on city_openings.city = required.city
    where required.scheme = 'all'
),

balanced as (
    select
        * exclude (scheme_opening, scheme_opening_date, scheme_opening_month, scheme_balance),
        case when scheme_opening_month <= month then scheme_opening end::decimal(18, 2) as opening_balance,
        case when scheme_opening_month <= month then scheme_opening_date end as opening_date,
        scheme_balance as cumulative_balance,
    from scheme_balances
    union all by name
    select * from all_balances
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
        balanced.*,
        months_payable(balanced.cumulative_balance, balanced.expenditure_12m, balanced.expenditure_months_12m) as months_payable_12m,
        fund_status(balanced.cumulative_balance is not null, balanced.cumulative_balance, balanced.expenditure_12m, balanced.expenditure_months_12m) as own_status_12m,
        status_note(balanced.cumulative_balance is not null, balanced.cumulative_balance, balanced.expenditure_12m, balanced.expenditure_months_12m) as own_note_12m,
        coalesce(single_account_months.single_account, false) as single_account,
        status_basis(coalesce(single_account_months.single_account, false), balanced.scheme, coalesce(schemes_in_city.schemes, 0)) as status_basis,
    from balanced
    left join single_account_months
        on single_account_months.city = balanced.city
        and single_account_months.month = balanced.month
    left join (
        select city, month, count(*)::integer as schemes,
        from balanced
        where scheme <> 'all'
        group by all
    ) as schemes_in_city
        on schemes_in_city.city = balanced.city
        and schemes_in_city.month = balanced.month
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
        statused.cumulative_net,
        statused.opening_balance,
        statused.opening_date,
        statused.fund_from,
        statused.opening_required,
        statused.cumulative_balance is not null as balance_known,
        statused.unassigned_settlements,
        statused.unassigned_fund_amt,
        statused.flows,
        statused.flows > 0 as has_flows,
        statused.single_account,
        statused.status_basis,
        statused.status_basis = 'own' as is_fund,
        statused.income_ytd < statused.expenditure_ytd as deficit_ytd,
        statused.expenditure_12m,
        statused.months_in_12m_window,
        statused.expenditure_months_12m,
        statused.months_payable_12m,
        judged(statused.status_basis, statused.own_status_12m, all_rows.own_status_12m, only_scheme.own_status_12m) as surplus_status_12m,
        coalesce(
            judged(statused.status_basis, statused.own_note_12m, all_rows.own_note_12m, only_scheme.own_note_12m),
            case when statused.status_basis = 'none' then 'separate_accounts' end
        ) as status_note_12m,
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
    left join statused as only_scheme
        on only_scheme.city = statused.city
        and only_scheme.month = statused.month
        and only_scheme.scheme <> 'all'
        and statused.status_basis = 'scheme'
    window by_month as (partition by statused.city, statused.scheme order by statused.month)
)

select * from final
