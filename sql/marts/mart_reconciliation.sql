-- grain: one row per reconciliation check
-- severity 'error': an invariant that must hold (sql/tests/mart_reconciliation__errors_pass fails the
-- build otherwise). 'warn': counts of rows the raw data may legitimately contain (the audit flags
-- them; a data test would fail the build on the demo's planted anomalies), shown on the
-- data-quality page. 'info': context, two figures side by side, not a check: the page says so.
-- passed: expected = actual, to the fen, whatever the severity (a pass is a real one).
-- unit: 'yuan' for money, else what the figures count ('row', 'file', 'entry', 'fund', 'settlement').
with settlements as (
    select * from int_settlements_schemed
),

fund_monthly as (
    select * from mart_fund_monthly
    where scheme = 'all'
),

funds as (
    select * from mart_fund_monthly
    where is_fund
),

openings as (
    select * from int_opening_balances_chosen
),

flows as (
    select * from int_fund_flows_dated
),

service_type as (
    select * from mart_service_type
    where scheme = 'all'
),

load_summary as (
    select * from mart_load_summary
),

raw_totals as (
    select
        (select coalesce(sum(fund_amt), 0) from raw_settlement) as settlement_fund_amt,
        (
            select coalesce(sum(individual_amt + medical_fund_amt + fiscal_amt + coalesce(employer_amt, 0) + coalesce(other_amt, 0)), 0)
            from raw_enrolment
        ) as contributions,
        (
            select coalesce(sum(amount), 0)
            from raw_ledger
            where category in ('lottery_fund', 'donation', 'interest', 'other_income')
        ) as ledger_income,
        (select coalesce(sum(amount), 0) from raw_ledger where category = 'operator_fee') as ledger_operator_fee,
        (select coalesce(sum(amount), 0) from raw_ledger where category = 'other_expense') as ledger_other_expense,
        (select coalesce(sum(fee_amt), 0) from raw_assessment) as assessment_fees,
        (select count(*) from raw_ledger where category = 'opening_balance') as opening_entries,
),

mart_totals as (
    select
        coalesce(sum(expenditure_benefits), 0) as expenditure_benefits,
        coalesce(sum(income_total), 0) as income_total,
        coalesce(sum(expenditure_operator), 0) as expenditure_operator,
        coalesce(sum(expenditure_other), 0) as expenditure_other,
        coalesce(sum(expenditure_assessment), 0) as expenditure_assessment,
        coalesce(sum(net), 0) as net,
        coalesce(sum(unassigned_fund_amt), 0) as unassigned_fund_amt,
    from fund_monthly
),

last_months as (
    select * from fund_monthly
    qualify month = max(month) over (partition by city)
),

-- cities whose balance is known at their last month: that balance against the opening balances +
-- the flows since each opens (flows dated before an opening balance are inside it), recomputed from
-- the intermediate tables; settlements of no scheme from the city's last opening month
city_openings as (
    select city, max(opening_month) as last_opening_month,
    from openings
    group by all
),

closing_balances as (
    select
        coalesce(sum(last_months.cumulative_balance), 0) as balance,
        coalesce(sum(
            coalesce((select sum(openings.opening_balance) from openings where openings.city = last_months.city), 0)
            + coalesce((
                select sum(case when flows.direction = 'income' then flows.amount else -flows.amount end)
                from flows
                left join openings
                    on openings.city = flows.city
                    and openings.scheme = flows.scheme
                left join city_openings
                    on city_openings.city = flows.city
                where flows.city = last_months.city
                    and flows.flow_month >= coalesce(
                        openings.opening_month,
                        case when flows.scheme = 'unassigned' then city_openings.last_opening_month end,
                        date '0001-01-01'
                    )
            ), 0)
        ), 0) as opening_plus_net,
    from last_months
    where last_months.balance_known
),

opening_counts as (
    select
        (
            select count(*)
            from (select * from funds qualify month = max(month) over (partition by city, scheme))
            where not balance_known
        ) as funds_without_opening,
        (select coalesce(sum(opening_entries), 0) from openings) as opening_entries_used,
        (select coalesce(sum(superseded_entries), 0) from openings) as opening_entries_superseded,
        (
            select coalesce(sum(flows.source_rows), 0)
            from flows
            inner join openings
                on openings.city = flows.city
                and openings.scheme = flows.scheme
            where flows.flow_month < openings.opening_month
        ) as flows_before_opening,
),

load_totals as (
    select
        rows_read,
        rows_loaded + rows_rejected as rows_accounted,
        unbalanced_files,
        rows_rejected,
        rows_replaced,
    from load_summary
),

counts as (
    select
        count(*) filter (where not is_reversal and not enrolled) as not_enrolled,
        count(*) filter (
            where institution_code is not null
                and institution_code not in (select institution_code from stg_institution)
        ) as unknown_institution,
        count(*) filter (where scheme = 'unassigned') as scheme_unassigned,
        count(*) filter (where scheme_rule in ('enrolment_nearest', 'city_single_scheme')) as scheme_by_fallback,
        count(*) filter (where is_reversal and not reversal_original_found) as reversal_without_original,
    from settlements
),

checks as (
    select 'settlement fund_amt = expenditure_benefits' as check_name, 'error' as severity, 'yuan' as unit,
        raw_totals.settlement_fund_amt as expected, mart_totals.expenditure_benefits as actual,
        'sum of raw_settlement.fund_amt (reversals included) vs mart_fund_monthly (scheme all)' as detail,
    from raw_totals, mart_totals
    union all
    select 'settlement fund_amt = mart_service_type fund_amt', 'error', 'yuan',
        raw_totals.settlement_fund_amt, (select coalesce(sum(fund_amt), 0) from service_type),
        'sum of raw_settlement.fund_amt vs mart_service_type (scheme all)',
    from raw_totals
    union all
    select 'contributions + ledger income = income_total', 'error', 'yuan',
        raw_totals.contributions + raw_totals.ledger_income, mart_totals.income_total,
        'raw_enrolment amounts + raw_ledger income categories vs mart_fund_monthly (scheme all)',
    from raw_totals, mart_totals
    union all
    select 'ledger operator_fee = expenditure_operator', 'error', 'yuan',
        raw_totals.ledger_operator_fee, mart_totals.expenditure_operator, 'raw_ledger category operator_fee',
    from raw_totals, mart_totals
    union all
    select 'ledger other_expense = expenditure_other', 'error', 'yuan',
        raw_totals.ledger_other_expense, mart_totals.expenditure_other, 'raw_ledger category other_expense',
    from raw_totals, mart_totals
    union all
    select 'closing balances = opening balances + sum of net', 'error', 'yuan',
        closing_balances.opening_plus_net, closing_balances.balance,
        'cities whose balance is known: sum of the last cumulative_balance vs opening balances + sum of net (scheme all)',
    from closing_balances
    union all
    select 'opening balances delivered', 'info', 'entry', raw_totals.opening_entries,
        opening_counts.opening_entries_used + opening_counts.opening_entries_superseded,
        'ledger entries of category opening_balance (expected) vs those used and superseded (actual)',
    from raw_totals, opening_counts
    union all
    select 'funds without an opening balance', 'warn', 'fund', 0, opening_counts.funds_without_opening,
        'funds that began before their first month in the data and have no opening balance: no balance, no status',
    from opening_counts
    union all
    select 'opening balances superseded by an earlier one', 'warn', 'entry', 0, opening_counts.opening_entries_superseded,
        'opening_balance entries dated after the fund''s earliest one: not used (the flows in between are delivered)',
    from opening_counts
    union all
    select 'flows dated before their fund''s opening balance', 'info', 'row', 0, opening_counts.flows_before_opening,
        'source rows (contributions, ledger entries, settlements, fees) of months before the opening balance opens: inside it, not added to the balance',
    from opening_counts
    union all
    select 'files where rows read <> loaded + rejected', 'error', 'file', 0, load_totals.unbalanced_files,
        'load_report: rows_read = rows_loaded + rows_rejected for every file',
    from load_totals
    union all
    select 'rows read = loaded + rejected (all files)', 'error', 'row', load_totals.rows_read, load_totals.rows_accounted,
        'load_report: sum of rows_read vs sum of rows_loaded + rows_rejected',
    from load_totals
    union all
    select 'assessment fees paid by the fund', 'info', 'yuan',
        raw_totals.assessment_fees, mart_totals.expenditure_assessment,
        'raw_assessment.fee_amt (expected) vs expenditure_assessment: only where policy_scheme.assessment_fee_from_fund',
    from raw_totals, mart_totals
    union all
    select 'rows rejected at load', 'warn', 'row', 0, load_totals.rows_rejected, 'see load_rejects for file, line and reason',
    from load_totals
    union all
    select 'rows replaced by a later delivery', 'info', 'row', 0, load_totals.rows_replaced, 'corrections: a later delivery repeating a key',
    from load_totals
    union all
    select 'settlements without a covering enrolment', 'warn', 'settlement', 0, counts.not_enrolled,
        'non-reversal settlements whose person has no enrolment covering the service month (audit rule not_enrolled)',
    from counts
    union all
    select 'settlements with an unknown institution', 'warn', 'settlement', 0, counts.unknown_institution,
        'institution_code not in the institution extract (audit rule non_designated)',
    from counts
    union all
    select 'settlements with scheme unassigned', 'warn', 'settlement', 0, counts.scheme_unassigned,
        'no enrolment and more than one scheme in force in the city: no fund of their own, counted only in the city''s `all` rows',
    from counts
    union all
    select 'fund paid on settlements with scheme unassigned', 'warn', 'yuan', 0, mart_totals.unassigned_fund_amt,
        'fund_amt of those settlements (reversals included), part of expenditure_benefits of the city''s `all` rows',
    from mart_totals
    union all
    select 'settlements with scheme from a fallback rule', 'info', 'settlement', 0, counts.scheme_by_fallback,
        'scheme from the nearest enrolment or the city''s only scheme (docs/marts.md)',
    from counts
    union all
    select 'reversals whose original is missing', 'warn', 'settlement', 0, counts.reversal_without_original,
        'reversal_of names a settlement not in the warehouse',
    from counts
),

final as (
    select
        row_number() over ()::integer as check_order,
        check_name,
        severity,
        expected::decimal(18, 2) as expected,
        actual::decimal(18, 2) as actual,
        (actual - expected)::decimal(18, 2) as difference,
        unit,
        expected = actual as passed,
        detail,
    from checks
)

select * from final
