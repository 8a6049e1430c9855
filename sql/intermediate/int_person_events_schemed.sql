-- grain: one row per person-level event (settlement or assessment) with the scheme it belongs to
-- Rule (docs/marts.md "Which scheme"): a settlement belongs to the scheme of the person's enrolment
-- covering its service_month, an assessment to the enrolment covering its conclusion_date.
-- Ties (two enrolments cover the date): same city as the event first, then the latest
-- coverage_start, then employee before resident. No covering enrolment: the person's nearest
-- enrolment in time (same city first); no enrolment at all: the only scheme the city's policy has
-- in force at the date; otherwise 'unassigned' (still counted in the city's `all` rows).
with settlements as (
    select * from stg_settlement
),

assessments as (
    select * from stg_assessment
),

enrolments as (
    select * from stg_enrolment
),

policies as (
    select * from policy_scheme
),

events as (
    select
        'settlement' as event_kind,
        settlement_id as event_id,
        person_no,
        city,
        service_month as ref_start,
        last_day(service_month) as ref_end,
    from settlements
    union all
    select
        'assessment' as event_kind,
        assessment_id as event_id,
        person_no,
        city,
        conclusion_date as ref_start,
        conclusion_date as ref_end,
    from assessments
),

candidates as (
    select
        events.event_kind,
        events.event_id,
        enrolments.scheme,
        enrolments.coverage_start <= events.ref_end
            and enrolments.coverage_end >= events.ref_start as covers,
        enrolments.city = events.city as same_city,
        greatest(
            enrolments.coverage_start - events.ref_end,
            events.ref_start - enrolments.coverage_end,
            0
        ) as days_apart,
        enrolments.coverage_start,
    from events
    inner join enrolments
        on enrolments.person_no = events.person_no
),

best_enrolment as (
    select
        event_kind,
        event_id,
        scheme,
        covers,
    from candidates
    qualify row_number() over (
        partition by event_kind, event_id
        order by covers desc, same_city desc, days_apart, coverage_start desc, scheme
    ) = 1
),

-- The only scheme the city's policy has in force over the event's dates: judged once per city and
-- date range (a month for settlements, a day for assessments), not once per event.
event_periods as (
    select distinct
        city,
        ref_start,
        ref_end,
    from events
),

city_single_scheme as (
    select
        event_periods.city,
        event_periods.ref_start,
        event_periods.ref_end,
        min(policies.scheme) as scheme,
    from event_periods
    inner join policies
        on policies.city = event_periods.city
        and policies.effective_from <= event_periods.ref_end
        and coalesce(policies.effective_to, date '9999-12-31') >= event_periods.ref_start
    group by all
    having count(distinct policies.scheme) = 1
),

final as (
    select
        events.event_kind,
        events.event_id,
        events.person_no,
        events.city,
        coalesce(best_enrolment.scheme, city_single_scheme.scheme, 'unassigned') as scheme,
        case
            when best_enrolment.covers then 'enrolment_covering'
            when best_enrolment.scheme is not null then 'enrolment_nearest'
            when city_single_scheme.scheme is not null then 'city_single_scheme'
            else 'unassigned'
        end as scheme_rule,
        coalesce(best_enrolment.covers, false) as enrolled,
    from events
    left join best_enrolment
        on best_enrolment.event_kind = events.event_kind
        and best_enrolment.event_id = events.event_id
    left join city_single_scheme
        on city_single_scheme.city = events.city
        and city_single_scheme.ref_start = events.ref_start
        and city_single_scheme.ref_end = events.ref_end
)

select * from final
