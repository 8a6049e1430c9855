-- grain: one row per settlement (reversal rows included): its policy, the price the policy sets
-- (priced_fund_amt), what the fund should have paid (expected_fund_amt: the price when eligible, else 0;
-- null on reversal rows) and one flag per audit rule. Which rules fire when several apply:
-- docs/audit-rules.md. Pricing (spec "Eligibility and pricing"), rounded half-up to the fen:
-- daily_rate → rate × service_days; hourly_rate → least(rate × hours, monthly_cap), hours = service_hours
-- or visits × hours_per_visit; ratio → eligible_amt × ratio, the row for the institution's hospital grade
-- first, else the row for any grade.
with checked as (
    select * from int_eligibility_checked
),

policy_services as (
    select * from policy_service
),

visits as (
    select * from stg_visit
),

-- cities that deliver home-visit records
visit_cities as (
    select * from int_visit_cities
),

-- The price rule is chosen once per (policy, service type, hospital grade) that settlements carry,
-- not once per settlement.
price_keys as (
    select distinct
        policy_id,
        service_type,
        hospital_grade,
    from checked
),

price_rule as (
    select
        price_keys.policy_id,
        price_keys.service_type,
        price_keys.hospital_grade,
        policy_services.method,
        policy_services.rate,
        policy_services.ratio,
        policy_services.hospital_grade as priced_grade,
        policy_services.monthly_cap,
        policy_services.hours_per_visit,
    from price_keys
    inner join policy_services
        on policy_services.policy_id = price_keys.policy_id
        and policy_services.service_type = price_keys.service_type
        and (policy_services.hospital_grade is null or policy_services.hospital_grade = price_keys.hospital_grade)
    qualify row_number() over (
        partition by price_keys.policy_id, price_keys.service_type, price_keys.hospital_grade
        order by policy_services.hospital_grade nulls last
    ) = 1
),

recorded_hours as (
    select
        person_no,
        institution_code,
        service_month,
        sum(hours) as recorded_hours,
        count(*) as recorded_visits,
    from visits
    group by all
),

-- The recorded hours of each settlement, joined on narrow rows (settlement_id only).
settlement_hours as (
    select
        checked.settlement_id,
        recorded_hours.recorded_hours,
    from checked
    inner join recorded_hours
        on recorded_hours.person_no = checked.person_no
        and recorded_hours.institution_code = checked.institution_code
        and recorded_hours.service_month = checked.service_month
),

-- Two non-reversed settlements for the same person, city, service type and month: the one with the
-- smallest settlement_id stands, every later one is the duplicate (only groups of two or more kept).
duplicate_groups as (
    select
        person_no,
        city,
        service_type,
        service_month,
        min(settlement_id) as duplicate_of,
    from checked
    where not is_reversal
        and not is_reversed
    group by all
    having count(*) > 1
),

priced as (
    select
        checked.*,
        price_rule.method,
        price_rule.rate,
        price_rule.ratio,
        price_rule.monthly_cap,
        'service.' || checked.service_type || coalesce('.grade' || price_rule.priced_grade, '') as service_param,
        case
            when price_rule.method = 'hourly_rate'
                then coalesce(checked.service_hours, checked.visits * price_rule.hours_per_visit)
        end as priced_hours,
        round(
            case price_rule.method
                when 'daily_rate' then price_rule.rate * coalesce(checked.service_days, 0)
                when 'hourly_rate' then
                    case
                        when price_rule.monthly_cap is null
                            then price_rule.rate * coalesce(checked.service_hours, checked.visits * price_rule.hours_per_visit, 0)
                        else least(
                            price_rule.rate * coalesce(checked.service_hours, checked.visits * price_rule.hours_per_visit, 0),
                            price_rule.monthly_cap
                        )
                    end
                when 'ratio' then checked.eligible_amt * price_rule.ratio
            end,
            2
        )::decimal(18, 2) as priced_fund_amt,
        visit_cities.city is not null as city_keeps_visit_records,
        coalesce(settlement_hours.recorded_hours, 0)::decimal(18, 2) as recorded_hours,
        coalesce(
            not checked.is_reversal
                and not checked.is_reversed
                and checked.settlement_id > duplicate_groups.duplicate_of,
            false
        ) as is_duplicate,
        case
            when not checked.is_reversal
                and not checked.is_reversed
                and checked.settlement_id > duplicate_groups.duplicate_of
                then duplicate_groups.duplicate_of
        end as duplicate_of,
    from checked
    left join price_rule
        on price_rule.policy_id = checked.policy_id
        and price_rule.service_type = checked.service_type
        and price_rule.hospital_grade is not distinct from checked.hospital_grade
    left join visit_cities
        on visit_cities.city = checked.city
    left join settlement_hours
        on settlement_hours.settlement_id = checked.settlement_id
    left join duplicate_groups
        on duplicate_groups.person_no is not distinct from checked.person_no
        and duplicate_groups.city is not distinct from checked.city
        and duplicate_groups.service_type is not distinct from checked.service_type
        and duplicate_groups.service_month is not distinct from checked.service_month
),

-- Path 0: reversal rows and the settlements they reverse are never findings.
-- Path 1: no enrolment → not_enrolled only. Path 2: no policy in force → before_eligibility (a later
-- policy exists) or area_not_in_pilot only. Path 3: every eligibility rule and duplicate, independently.
eligibility_flags as (
    select
        *,
        not is_reversal and not is_reversed as is_audited,
        not is_reversal and not is_reversed and not is_enrolled as flag_not_enrolled,
        not is_reversal and not is_reversed and is_enrolled and has_policy as is_fully_checked,
    from priced
),

rule_flags as (
    select
        *,
        is_fully_checked and not area_in_pilot
            or (is_audited and is_enrolled and not has_policy and not has_later_policy) as flag_area_not_in_pilot,
        is_fully_checked and before_benefit_start
            or (is_audited and is_enrolled and not has_policy and has_later_policy) as flag_before_eligibility,
        is_fully_checked and not has_approved_assessment and later_conclusion_date is null as flag_no_approved_assessment,
        is_fully_checked and disability_too_short as flag_disability_under_6_months,
        is_fully_checked and assessment_lapsed as flag_assessment_expired,
        is_fully_checked and in_waiting_period as flag_waiting_period,
        is_fully_checked and not institution_designated as flag_non_designated,
        is_fully_checked and not service_covered as flag_service_not_covered,
        is_fully_checked and is_duplicate as flag_duplicate,
        is_fully_checked
            and method = 'hourly_rate'
            and city_keeps_visit_records
            and priced_hours > recorded_hours as flag_hours_unsupported,
    from eligibility_flags
),

eligible as (
    select
        *,
        is_fully_checked
            and not (
                flag_area_not_in_pilot or flag_before_eligibility or flag_no_approved_assessment
                or flag_disability_under_6_months or flag_assessment_expired or flag_waiting_period
                or flag_non_designated or flag_service_not_covered or flag_duplicate
            ) as is_eligible,
    from rule_flags
),

final as (
    select
        *,
        case
            when is_reversal then null
            when is_eligible then priced_fund_amt
            else 0
        end::decimal(18, 2) as expected_fund_amt,
        is_eligible and monthly_cap is not null and fund_amt > monthly_cap as flag_cap_exceeded,
        is_eligible
            and not (monthly_cap is not null and fund_amt > monthly_cap)
            and (priced_fund_amt is null or abs(fund_amt - priced_fund_amt) > 0.01) as flag_price_mismatch,
    from eligible
)

select * from final
