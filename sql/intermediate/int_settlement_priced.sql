-- grain: one row per settlement (reversal rows included): its policy, the price of what it billed
-- (priced_fund_amt), the quantity payable on the eligible days of its month (payable_units), what the
-- fund should have paid (expected_fund_amt: the price of the payable quantity at the rate of the
-- institution's category; 0 when the settlement may not be paid at all; null on reversal rows and
-- where the catalog holds no policy) and one flag per audit rule. Rules, eligible days and pricing:
-- docs/audit-rules.md. Prices (spec "Eligibility and pricing"), rounded half-up to the fen:
-- daily_rate → rate × days; hourly_rate → least(rate × hours, monthly_cap); ratio → eligible_amt × ratio
-- (the row for the institution's hospital grade first, else the row for any grade), for part of the
-- billed days or visits the same share of eligible_amt.
with checked as (
    select * from int_eligibility_checked
),

policy_services as (
    select * from policy_service
),

category_services as (
    select * from policy_category_service
),

service_types as (
    select * from policy_service_type
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
    where policy_id is not null
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

-- Which categories may bill which service types (policy_category_service); a policy without rows is
-- not checked. A category that may not bill the service type is paid at the rate of the service of the
-- same setting it may bill (a bed at an elderly-care home: the elderly-care bed's rate), the cheapest
-- if several; none → nothing is payable.
category_policies as (
    select distinct policy_id,
    from category_services
),

category_prices as (
    select
        category_services.policy_id,
        category_services.category,
        category_services.service_type,
        service_types.setting,
        min(policy_services.rate) as rate,
        min(policy_services.ratio) as ratio,
    from category_services
    inner join service_types
        on service_types.service_type = category_services.service_type
    inner join policy_services
        on policy_services.policy_id = category_services.policy_id
        and policy_services.service_type = category_services.service_type
    group by all
),

category_keys as (
    select distinct
        checked.policy_id,
        checked.institution_category,
        checked.service_type,
        service_types.setting,
    from checked
    inner join category_policies
        on category_policies.policy_id = checked.policy_id
    inner join service_types
        on service_types.service_type = checked.service_type
    where checked.institution_category is not null
),

category_rule as (
    select
        category_keys.policy_id,
        category_keys.institution_category,
        category_keys.service_type,
        allowed.service_type is not null as category_allowed,
        case
            when allowed.service_type is not null then category_keys.service_type
            else same_setting.service_type
        end as priced_as,
    from category_keys
    left join category_services as allowed
        on allowed.policy_id = category_keys.policy_id
        and allowed.category = category_keys.institution_category
        and allowed.service_type = category_keys.service_type
    left join category_prices as same_setting
        on same_setting.policy_id = category_keys.policy_id
        and same_setting.category = category_keys.institution_category
        and same_setting.setting = category_keys.setting
    qualify row_number() over (
        partition by category_keys.policy_id, category_keys.institution_category, category_keys.service_type
        order by same_setting.rate nulls last, same_setting.ratio nulls last, same_setting.service_type
    ) = 1
),

with_rules as (
    select
        checked.*,
        price_rule.method,
        price_rule.rate,
        price_rule.ratio,
        price_rule.monthly_cap,
        price_rule.hours_per_visit,
        'service.' || checked.service_type || coalesce('.grade' || price_rule.priced_grade, '') as service_param,
        category_rule.policy_id is not null as is_category_checked,
        coalesce(category_rule.category_allowed, true) as category_allowed,
        case when category_rule.policy_id is not null then category_rule.priced_as else checked.service_type end as priced_as,
        coalesce(service_types.occupies_day, false) as occupies_day,
        visit_cities.city is not null as city_keeps_visit_records,
    from checked
    left join price_rule
        on price_rule.policy_id = checked.policy_id
        and price_rule.service_type = checked.service_type
        and price_rule.hospital_grade is not distinct from checked.hospital_grade
    left join category_rule
        on category_rule.policy_id = checked.policy_id
        and category_rule.institution_category = checked.institution_category
        and category_rule.service_type = checked.service_type
    left join service_types
        on service_types.service_type = checked.service_type
    left join visit_cities
        on visit_cities.city = checked.city
),

-- the price rule of the service type the settlement is paid as (its own, or its category's)
with_priced_as as (
    select
        with_rules.*,
        priced_as_rule.method as priced_as_method,
        priced_as_rule.rate as priced_as_rate,
        priced_as_rule.ratio as priced_as_ratio,
        priced_as_rule.monthly_cap as priced_as_cap,
        priced_as_rule.hours_per_visit as priced_as_hours_per_visit,
        'service.' || with_rules.priced_as || coalesce('.grade' || priced_as_rule.priced_grade, '') as priced_as_param,
    from with_rules
    left join price_rule as priced_as_rule
        on priced_as_rule.policy_id = with_rules.policy_id
        and priced_as_rule.service_type = with_rules.priced_as
        and priced_as_rule.hospital_grade is not distinct from with_rules.hospital_grade
),

audited as (
    select
        *,
        not is_reversal and not is_reversed as is_audited,
    from with_priced_as
),

-- Duplicate: another non-reversal, non-reversed settlement of the same person, city, service type,
-- month and institution; the smallest settlement_id stands (a move between institutions is judged by
-- days_overlap instead).
duplicate_groups as (
    select
        person_no,
        city,
        service_type,
        service_month,
        institution_code,
        min(settlement_id) as duplicate_of,
    from audited
    where is_audited
    group by all
    having count(*) > 1
),

with_duplicates as (
    select
        audited.*,
        coalesce(audited.is_audited and audited.settlement_id > duplicate_groups.duplicate_of, false) as is_duplicate,
        case when audited.is_audited and audited.settlement_id > duplicate_groups.duplicate_of then duplicate_groups.duplicate_of end as duplicate_of,
    from audited
    left join duplicate_groups
        on duplicate_groups.person_no is not distinct from audited.person_no
        and duplicate_groups.city is not distinct from audited.city
        and duplicate_groups.service_type is not distinct from audited.service_type
        and duplicate_groups.service_month is not distinct from audited.service_month
        and duplicate_groups.institution_code is not distinct from audited.institution_code
),

-- Days in a bed or in day care of one person in one month, over all their settlements (not reversed,
-- not duplicates), may not exceed the month's days: the excess falls on the later settlement (by
-- settled_date, then settlement_id).
occupied as (
    select
        settlement_id,
        service_days,
        month_days,
        coalesce(sum(service_days) over (
            partition by person_no, city, service_month
            order by settled_date, settlement_id
            rows between unbounded preceding and 1 preceding
        ), 0) as days_before,
    from with_duplicates
    where is_audited
        and not is_duplicate
        and occupies_day
        and service_days is not null
),

day_overlaps as (
    select
        settlement_id,
        greatest(0, least(service_days, days_before + service_days - month_days))::integer as overlap_days,
        days_before::integer as occupied_days_before,
    from occupied
),

-- What a settlement is measured in, for the eligible days: days (a day-priced or ratio-priced service
-- with service_days), visits (ratio-priced with visits only; at most one a day), the hours the visit
-- records support on each day (hourly, in a city that keeps visit records), hours (hourly without
-- records: at most hours_per_visit a day), or the settlement as a whole.
units as (
    select
        with_duplicates.*,
        coalesce(day_overlaps.overlap_days, 0) as overlap_days,
        day_overlaps.occupied_days_before,
        case
            when method = 'hourly_rate' then coalesce(service_hours, visits * hours_per_visit)
        end as priced_hours,
        case
            when method = 'hourly_rate' and city_keeps_visit_records then 'recorded_hours'
            when method = 'hourly_rate' then 'hours'
            when service_days is not null then 'days'
            when method = 'ratio' and visits is not null then 'visits'
            else 'whole'
        end as unit_kind,
    from with_duplicates
    left join day_overlaps
        on day_overlaps.settlement_id = with_duplicates.settlement_id
),

billed as (
    select
        *,
        case unit_kind
            when 'recorded_hours' then coalesce(priced_hours, 0)
            when 'hours' then coalesce(priced_hours, 0)
            when 'days' then service_days
            when 'visits' then visits
            else 1
        end::decimal(18, 2) as billed_units,
    from units
),

-- The units each day-wise condition admits: all that were billed when it admits every day of the
-- month; else the days it admits, in the settlement's unit. The ninth is all of them together — for
-- hours priced on visit records, the recorded hours on eligible days.
admitted as (
    select
        *,
        billed_units - overlap_days as claimed_units,
        [days_covered, days_policy_open, days_started, days_assessed, days_after_waiting, days_designated,
            days_not_inpatient, days_not_work_injury, eligible_days] as day_list,
        [hours_covered, hours_policy_open, hours_started, hours_assessed, hours_after_waiting, hours_designated,
            hours_not_inpatient, hours_not_work_injury, hours_eligible] as hour_list,
    from billed
),

windows as (
    select
        * exclude (day_list, hour_list),
        list_transform(
            range(1, 10),
            i -> case
                when unit_kind = 'recorded_hours' then
                    case
                        when i < 9 and coalesce(day_list[i], 0) >= month_days then billed_units
                        else coalesce(hour_list[i], 0)
                    end
                when coalesce(day_list[i], 0) >= month_days then billed_units
                when unit_kind = 'hours' and hours_per_visit is null then case when day_list[i] > 0 then billed_units else 0 end
                when unit_kind = 'hours' then coalesce(day_list[i], 0) * hours_per_visit
                when unit_kind = 'whole' then least(coalesce(day_list[i], 0), 1)
                else coalesce(day_list[i], 0)
            end::decimal(18, 2)
        ) as allowed,
        -- what a condition is held against: the claimed units; for hours priced on visit records, the
        -- claimed hours the records support (hours without records are hours_unsupported's), unless
        -- the condition admits no day of the month at all
        list_transform(
            range(1, 9),
            i -> case
                when unit_kind = 'recorded_hours' and coalesce(day_list[i], 0) > 0
                    then least(billed_units - overlap_days, coalesce(recorded_hours, 0))
                else billed_units - overlap_days
            end::decimal(18, 2)
        ) as held_against,
    from admitted
),

-- Path 0: reversal rows and the settlements they reverse are never findings.
-- Path 1: no enrolment covering any day of the month → not_enrolled only. Path 2: no policy in force →
-- before_eligibility (a later policy exists) or policy_missing only. Path 3: every other rule, each on
-- its own.
paths as (
    select
        *,
        is_audited and not is_enrolled as flag_not_enrolled_month,
        is_audited and is_enrolled and has_policy as is_fully_checked,
        is_audited and is_enrolled and not has_policy and has_later_policy as flag_before_policy,
        is_audited and is_enrolled and not has_policy and not has_later_policy as flag_no_policy,
    from windows
),

-- A day-wise condition is broken when the units it admits are fewer than those claimed (the billed
-- units less the overlap): then some billed day (or hour) cannot fall on a day it admits.
window_tests as (
    select
        *,
        list_transform(range(1, 9), i -> is_fully_checked and held_against[i] > allowed[i]) as window_broken,
        is_fully_checked and method = 'hourly_rate' and city_keeps_visit_records
            and priced_hours > coalesce(recorded_hours, 0) as flag_hours_unsupported,
    from paths
),

payable as (
    select
        *,
        greatest(0, least(claimed_units, allowed[9]))::decimal(18, 2) as payable_units,
        -- payable less than claimed with no single condition to blame: every condition that removes
        -- some day of the month is named
        is_fully_checked
            and greatest(0, least(claimed_units, allowed[9])) < claimed_units
            and not list_bool_or(window_broken)
            and not flag_hours_unsupported as unexplained_cut,
    from window_tests
),

settlement_flags as (
    select
        *,
        flag_not_enrolled_month
            or window_broken[1] or (unexplained_cut and allowed[1] < billed_units) as flag_not_enrolled,
        flag_no_policy
            or window_broken[2] or (unexplained_cut and allowed[2] < billed_units) as flag_policy_missing,
        flag_before_policy
            or window_broken[3] or (unexplained_cut and allowed[3] < billed_units) as flag_before_eligibility,
        window_broken[4] or (unexplained_cut and allowed[4] < billed_units) as flag_assessment_expired,
        window_broken[5] or (unexplained_cut and allowed[5] < billed_units) as flag_waiting_period,
        window_broken[6] or (unexplained_cut and allowed[6] < billed_units) as flag_non_designated,
        window_broken[7] or (unexplained_cut and allowed[7] < billed_units) as flag_inpatient_overlap,
        window_broken[8] or (unexplained_cut and allowed[8] < billed_units) as flag_work_injury_overlap,
        is_fully_checked and not area_in_pilot as flag_area_not_in_pilot,
        is_fully_checked and not has_approved_assessment and later_conclusion_date is null as flag_no_approved_assessment,
        is_fully_checked and disability_too_short as flag_disability_under_6_months,
        is_fully_checked and not service_covered as flag_service_not_covered,
        is_fully_checked and service_covered and is_category_checked and not category_allowed as flag_category_mismatch,
        is_fully_checked and is_duplicate as flag_duplicate,
        is_fully_checked and overlap_days > 0 as flag_days_overlap,
    from payable
),

-- Not payable at all, whatever the days: the settlement-wide rules.
ineligible as (
    select
        *,
        is_fully_checked and (
            flag_area_not_in_pilot or flag_no_approved_assessment or flag_disability_under_6_months
            or flag_service_not_covered or flag_duplicate or (flag_category_mismatch and priced_as is null)
        ) as is_ineligible,
    from settlement_flags
),

priced as (
    select
        *,
        -- the price of what was billed, at the settlement's own service type
        round(
            case method
                when 'daily_rate' then rate * coalesce(service_days, 0)
                when 'hourly_rate' then
                    case
                        when monthly_cap is null then rate * coalesce(priced_hours, 0)
                        else least(rate * coalesce(priced_hours, 0), monthly_cap)
                    end
                when 'ratio' then eligible_amt * ratio
            end,
            2
        )::decimal(18, 2) as priced_fund_amt,
        -- the price of the payable units, at the rate of the service type it is paid as
        round(
            case priced_as_method
                when 'daily_rate' then priced_as_rate * case when unit_kind = 'days' then payable_units else 0 end
                when 'hourly_rate' then
                    case
                        when priced_as_cap is null then priced_as_rate * payable_units
                        else least(priced_as_rate * payable_units, priced_as_cap)
                    end
                when 'ratio' then
                    case
                        when billed_units = payable_units then eligible_amt * priced_as_ratio
                        when billed_units > 0 then eligible_amt * priced_as_ratio * payable_units / billed_units
                        else 0
                    end
            end,
            2
        )::decimal(18, 2) as payable_price,
    from ineligible
),

final as (
    select
        * exclude (payable_price),
        is_fully_checked and not is_ineligible as is_eligible,
        case
            when not is_audited then null
            when flag_policy_missing and not is_fully_checked then null
            when not is_fully_checked or is_ineligible then 0
            else coalesce(payable_price, 0)
        end::decimal(18, 2) as expected_fund_amt,
        -- price rules only on a settlement that may be paid, and not where nothing was payable anyway
        is_fully_checked and not is_ineligible
            and not (payable_units = 0 and (list_bool_or(window_broken) or unexplained_cut or overlap_days > 0)) as is_price_checked,
    from priced
),

flagged as (
    select
        *,
        is_price_checked and monthly_cap is not null and fund_amt > monthly_cap as flag_cap_exceeded,
        is_price_checked
            and not (monthly_cap is not null and fund_amt > monthly_cap)
            and (priced_fund_amt is null or abs(fund_amt - priced_fund_amt) > 0.01) as flag_price_mismatch,
    from final
)

select * from flagged
