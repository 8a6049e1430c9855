-- grain: one row per city, scheme (employee / resident / unassigned / all) and month, every month
-- from the city's first assessment month through its last month with an assessment or a fund flow
-- An assessment's scheme is the enrolment covering its conclusion_date (int_person_events_schemed).
-- applications count by apply_date, concluded / approved / days by conclusion_date.
-- reviews_overdue at month end: persons still covered on the month's last day (an enrolment in the
-- city) whose latest assessment concluded by that day was approved and is due again before it — the
-- reassessment_due macro, the audit's rule: valid_until, or conclusion_date plus the policy's
-- reassessment_months (policy_scheme in force at conclusion), whichever comes first. A person who left
-- (no coverage at month end) is not overdue.
with assessments as (
    select * from stg_assessment
),

enrolments as (
    select * from stg_enrolment
),

schemes as (
    select * from int_person_events_schemed
    where event_kind = 'assessment'
),

policies as (
    select * from policy_scheme
),

flows as (
    select * from int_fund_flows_dated
),

schemed as (
    select
        assessments.*,
        schemes.scheme,
        date_trunc('month', assessments.apply_date)::date as apply_month,
        date_trunc('month', assessments.conclusion_date)::date as conclusion_month,
    from assessments
    inner join schemes
        on schemes.event_id = assessments.assessment_id
),

due as (
    select
        schemed.*,
        reassessment_due(schemed.valid_until, schemed.conclusion_date, policy.reassessment_months) as due_date,
    from schemed
    left join lateral (
        select min(policies.reassessment_months) as reassessment_months
        from policies
        where policies.city = schemed.city
            and policies.scheme = schemed.scheme
            and policies.effective_from <= schemed.conclusion_date
            and coalesce(policies.effective_to, date '9999-12-31') >= schemed.conclusion_date
    ) as policy
        on true
),

flow_spans as (
    select
        city,
        max(flow_month) as last_flow_month,
    from flows
    group by city
),

assessment_spans as (
    select
        city,
        min(apply_month) as first_month,
        greatest(max(conclusion_month), max(apply_month)) as last_assessment_month,
    from schemed
    group by city
),

spans as (
    select
        assessment_spans.city,
        assessment_spans.first_month,
        greatest(assessment_spans.last_assessment_month, flow_spans.last_flow_month) as last_month,
    from assessment_spans
    left join flow_spans
        on flow_spans.city = assessment_spans.city
),

spine as (
    select
        spans.city,
        city_schemes.scheme,
        unnest(generate_series(spans.first_month, spans.last_month, interval 1 month))::date as month,
    from spans
    inner join (select distinct city, scheme from schemed union select distinct city, 'all' from schemed) as city_schemes
        on city_schemes.city = spans.city
),

applied as (
    select
        city,
        case when grouping(scheme) = 1 then 'all' else scheme end as scheme,
        apply_month as month,
        count(*)::integer as applications,
    from schemed
    group by grouping sets ((city, scheme, apply_month), (city, apply_month))
),

concluded as (
    select
        city,
        case when grouping(scheme) = 1 then 'all' else scheme end as scheme,
        conclusion_month as month,
        count(*)::integer as concluded,
        count(*) filter (where approved)::integer as approved,
        median(days_to_conclusion)::decimal(8, 1) as median_days_to_conclusion,
    from schemed
    group by grouping sets ((city, scheme, conclusion_month), (city, conclusion_month))
),

-- A person's latest assessment in the city concluded by a month's last day (ties: latest
-- assessment_id) is the one whose conclusion month is at or before the month and whose successor's is
-- after it: each assessment is the latest from its conclusion month until the month before the next
-- one concludes (none when the next concludes in the same month).
assessment_successions as (
    select
        *,
        lead(conclusion_month) over (
            partition by city, person_no
            order by conclusion_date, assessment_id
        ) as next_conclusion_month,
    from due
    where conclusion_date is not null
),

-- The months of the city's spine in which an approved latest assessment is overdue, from the month
-- its due date falls in (a month whose last day is after the due date).
overdue_months as (
    select
        assessment_successions.city,
        assessment_successions.scheme,
        assessment_successions.person_no,
        assessment_successions.due_date,
        unnest(generate_series(
            greatest(
                assessment_successions.conclusion_month,
                spans.first_month,
                date_trunc('month', assessment_successions.due_date)::date
            ),
            least(spans.last_month, (assessment_successions.next_conclusion_month - interval 1 month)::date),
            interval 1 month
        ))::date as month,
    from assessment_successions
    inner join spans
        on spans.city = assessment_successions.city
    where assessment_successions.approved
        and assessment_successions.due_date is not null
),

-- overdue at the month's end, and still covered then
overdue_persons as (
    select overdue_months.*
    from overdue_months
    semi join enrolments
        on enrolments.person_no = overdue_months.person_no
        and enrolments.city = overdue_months.city
        and last_day(overdue_months.month) between enrolments.coverage_start and enrolments.coverage_end
    where overdue_months.due_date < last_day(overdue_months.month)
),

overdue as (
    select
        city,
        case when grouping(scheme) = 1 then 'all' else scheme end as scheme,
        month,
        count(*)::integer as reviews_overdue,
    from overdue_persons
    group by grouping sets ((city, scheme, month), (city, month))
),

final as (
    select
        spine.city,
        spine.scheme,
        spine.month,
        coalesce(applied.applications, 0) as applications,
        coalesce(concluded.concluded, 0) as concluded,
        coalesce(concluded.approved, 0) as approved,
        case
            when concluded.concluded > 0 then round(concluded.approved / concluded.concluded, 4)::decimal(10, 4)
        end as approval_rate,
        concluded.median_days_to_conclusion,
        coalesce(overdue.reviews_overdue, 0) as reviews_overdue,
    from spine
    left join applied
        on applied.city = spine.city
        and applied.scheme = spine.scheme
        and applied.month = spine.month
    left join concluded
        on concluded.city = spine.city
        and concluded.scheme = spine.scheme
        and concluded.month = spine.month
    left join overdue
        on overdue.city = spine.city
        and overdue.scheme = spine.scheme
        and overdue.month = spine.month
)

select * from final
