-- grain: one row per settlement (reversal rows included), with the enrolment, policy and assessment it is
-- checked against, one boolean per settlement-wide condition, and for the days of its service month how
-- many each condition admits (docs/audit-rules.md, "Eligible days"). Policy parameters come from the
-- policy_* tables only. Which conditions become findings, and the price, are decided in int_settlement_priced.
with settlements as (
    select * from stg_settlement
),

-- only the enrolments of persons who have a settlement (the audit needs no others)
enrolments as (
    select * from stg_enrolment
    where person_no in (select person_no from settlements)
),

assessments as (
    select * from stg_assessment
),

institutions as (
    select * from stg_institution
),

visits as (
    select * from stg_visit
),

inpatient_stays as (
    select * from stg_inpatient
),

work_injury_allowances as (
    select * from stg_work_injury
),

policies as (
    select * from policy_scheme
),

policy_areas as (
    select * from policy_area
),

policy_services as (
    select * from policy_service
),

policy_exclusions as (
    select * from policy_exclusion
),

reversed as (
    select distinct reversal_of as settlement_id,
    from settlements
    where is_reversal
),

settlement_months as (
    select
        settlements.*,
        last_day(settlements.service_month) as month_end,
        day(last_day(settlements.service_month))::integer as month_days,
        reversed.settlement_id is not null as is_reversed,
    from settlements
    left join reversed
        on reversed.settlement_id = settlements.settlement_id
),

-- Contribution spells per person and city (either scheme: Lianyungang keeps one account): a row that
-- starts more than a day after every earlier row ended starts a new spell after a gap.
enrolment_gaps as (
    select
        *,
        coalesce(
            coverage_start > max(coverage_end) over (
                partition by person_no, city
                order by coverage_start, scheme, year
                rows between unbounded preceding and 1 preceding
            ) + 1,
            false
        ) as starts_after_gap,
    from enrolments
),

enrolment_spells as (
    select
        *,
        sum(starts_after_gap::integer) over (
            partition by person_no, city
            order by coverage_start, scheme, year
            rows between unbounded preceding and current row
        ) as spell_no,
    from enrolment_gaps
),

enrolment_spell_starts as (
    select
        *,
        min(coverage_start) over (partition by person_no, city, spell_no) as spell_start,
    from enrolment_spells
),

-- The enrolment in the settlement's city covering any day of the service month; ties: latest
-- coverage_start, then employee before resident.
covering_enrolment as (
    select
        settlement_months.settlement_id,
        enrolment_spell_starts.scheme,
        enrolment_spell_starts.admdvs as enrolment_admdvs,
        enrolment_spell_starts.year as enrolment_year,
        enrolment_spell_starts.spell_no > 0 as after_contribution_gap,
        enrolment_spell_starts.spell_start,
        settlement_months.person_no,
        settlement_months.city,
        settlement_months.service_month,
        settlement_months.month_end,
    from settlement_months
    inner join enrolment_spell_starts
        on enrolment_spell_starts.person_no = settlement_months.person_no
        and enrolment_spell_starts.city = settlement_months.city
        and enrolment_spell_starts.coverage_start <= settlement_months.month_end
        and enrolment_spell_starts.coverage_end >= settlement_months.service_month
    qualify row_number() over (
        partition by settlement_months.settlement_id
        order by enrolment_spell_starts.coverage_start desc, enrolment_spell_starts.scheme
    ) = 1
),

-- The city's policy for the enrolment's scheme in force on any day of the service month: chosen once
-- per city, scheme and month, and joined to each settlement's covering enrolment by those keys.
policy_months as (
    select distinct
        city,
        scheme,
        service_month,
        month_end,
    from covering_enrolment
),

policy_for_month as (
    select
        policy_months.service_month,
        true as is_in_force,
        policies.*,
    from policy_months
    inner join policies
        on policies.city = policy_months.city
        and policies.scheme = policy_months.scheme
        and policies.effective_from <= policy_months.month_end
        and coalesce(policies.effective_to, date '9999-12-31') >= policy_months.service_month
    qualify row_number() over (
        partition by policy_months.city, policy_months.scheme, policy_months.service_month
        order by policies.effective_from desc
    ) = 1
),

-- A later policy exists when the city's last policy for the scheme starts after the month.
policy_last_starts as (
    select
        city,
        scheme,
        max(effective_from) as last_effective_from,
    from policies
    group by city, scheme
),

-- Each assessment's place among the person's assessments in the city, by conclusion_date, then
-- assessment_id: the order the picks below follow.
assessment_orders as (
    select
        *,
        row_number() over (
            partition by person_no, city
            order by conclusion_date, assessment_id
        ) as assessment_order,
    from assessments
),

-- Assessments of the person in the city, placed relative to the service month.
assessment_candidates as (
    select
        covering_enrolment.settlement_id,
        assessment_orders.assessment_id,
        assessment_orders.assessment_order,
        assessment_orders.conclusion_date,
        assessment_orders.valid_until,
        assessment_orders.approved and assessment_orders.level >= policy_in_force.min_level as qualifies,
        (assessment_orders.conclusion_date + to_days(policy_in_force.benefit_start_offset_days))::date as benefit_start,
        reassessment_due(
            assessment_orders.valid_until,
            assessment_orders.conclusion_date,
            policy_in_force.reassessment_months
        ) as due_date,
        case
            when assessment_orders.conclusion_date < covering_enrolment.service_month then 'before_month'
            when assessment_orders.conclusion_date <= covering_enrolment.month_end then 'in_month'
            else 'after_month'
        end as timing,
    from covering_enrolment
    inner join policy_for_month as policy_in_force
        on policy_in_force.city = covering_enrolment.city
        and policy_in_force.scheme = covering_enrolment.scheme
        and policy_in_force.service_month = covering_enrolment.service_month
    inner join assessment_orders
        on assessment_orders.person_no = covering_enrolment.person_no
        and assessment_orders.city = covering_enrolment.city
),

-- One pass over the candidates per settlement: the latest assessment concluded before the month (it
-- is in force for the month, whatever it says; ties: latest assessment_id), the first qualifying one
-- concluded in the month (ties: smallest assessment_id) and the first qualifying one after the month.
-- The candidates of a settlement are one person's in one city, so assessment_order orders them.
assessment_picks as (
    select
        settlement_id,
        arg_max_null(assessment_id, assessment_order) filter (
            where timing = 'before_month'
        ) as before_month_assessment_id,
        arg_max_null(qualifies, assessment_order) filter (
            where timing = 'before_month'
        ) as before_month_qualifies,
        arg_min_null(assessment_id, assessment_order) filter (
            where timing = 'in_month' and qualifies
        ) as qualifying_in_month_assessment_id,
        count(*) filter (where timing = 'after_month' and qualifies) > 0 as qualifies_after_month,
        min(conclusion_date) filter (where timing = 'after_month' and qualifies) as first_conclusion_date,
    from assessment_candidates
    group by settlement_id
),

basis_assessment as (
    select
        settlement_id,
        case
            when before_month_qualifies then before_month_assessment_id
            else qualifying_in_month_assessment_id
        end as assessment_id,
        qualifies_after_month,
        first_conclusion_date,
    from assessment_picks
),

-- The assessments that make days of the month payable: the basis and every qualifying assessment
-- concluded after it by the month's end (a renewal concluded during the month continues the benefit).
-- Each admits the days from its benefit start to its reassessment_due date.
assessment_windows as (
    select
        assessment_candidates.settlement_id,
        assessment_candidates.benefit_start,
        coalesce(assessment_candidates.due_date, date '9999-12-31') as window_end,
    from assessment_candidates
    inner join basis_assessment
        on basis_assessment.settlement_id = assessment_candidates.settlement_id
    inner join assessment_orders as basis_order
        on basis_order.assessment_id = basis_assessment.assessment_id
    where assessment_candidates.qualifies
        and assessment_candidates.timing <> 'after_month'
        and assessment_candidates.assessment_order >= basis_order.assessment_order
),

designated as (
    select distinct settlement_months.settlement_id,
    from settlement_months
    inner join institutions
        on institutions.institution_code = settlement_months.institution_code
        and institutions.city = settlement_months.city
        and institutions.designated_from <= settlement_months.month_end
        and coalesce(institutions.designated_to, date '9999-12-31') >= settlement_months.service_month
),

policy_area_codes as (
    select distinct
        policy_id,
        admdvs,
    from policy_areas
),

policy_service_types as (
    select distinct
        policy_id,
        service_type,
    from policy_services
),

checked as (
    select
        settlement_months.settlement_id,
        settlement_months.person_no,
        settlement_months.admdvs,
        settlement_months.city,
        settlement_months.institution_code,
        institutions.grade as hospital_grade,
        institutions.category as institution_category,
        institutions.city as institution_city,
        institutions.designated_from,
        institutions.designated_to,
        settlement_months.service_type,
        settlement_months.service_month,
        settlement_months.month_end,
        settlement_months.month_days,
        settlement_months.service_days,
        settlement_months.service_hours,
        settlement_months.visits,
        settlement_months.total_amt,
        settlement_months.eligible_amt,
        settlement_months.fund_amt,
        settlement_months.personal_amt,
        settlement_months.settled_date,
        settlement_months.settled_month,
        settlement_months.reversal_of,
        settlement_months.is_reversal,
        settlement_months.is_reversed,
        covering_enrolment.scheme,
        covering_enrolment.enrolment_admdvs,
        covering_enrolment.spell_start,
        covering_enrolment.after_contribution_gap,
        policy_in_force.policy_id,
        policy_in_force.effective_from as policy_effective_from,
        policy_in_force.effective_to as policy_effective_to,
        policy_in_force.benefits_from,
        basis.assessment_id as basis_assessment_id,
        basis.conclusion_date as basis_conclusion_date,
        basis.disability_months as basis_disability_months,
        reassessment_due(basis.valid_until, basis.conclusion_date, policy_in_force.reassessment_months) as basis_valid_until,
        (basis.conclusion_date + to_days(policy_in_force.benefit_start_offset_days))::date as assessment_benefit_start,
        basis_assessment.first_conclusion_date as later_conclusion_date,
        (covering_enrolment.spell_start + to_months(policy_in_force.waiting_period_months))::date as waiting_ends,
        -- the settlement-wide conditions (true = the condition holds; see docs/audit-rules.md)
        covering_enrolment.settlement_id is not null as is_enrolled,
        coalesce(policy_in_force.is_in_force, false) as has_policy,
        coalesce(policy_last_starts.last_effective_from > settlement_months.month_end, false) as has_later_policy,
        enrolment_area.policy_id is not null or city_area.policy_id is not null as area_in_pilot,
        basis.assessment_id is not null as has_approved_assessment,
        coalesce(basis.disability_months < policy_in_force.min_disability_months, false) as disability_too_short,
        settlement_months.institution_code is null or designated.settlement_id is not null as institution_designated,
        policy_service_types.policy_id is not null as service_covered,
    from settlement_months
    left join covering_enrolment
        on covering_enrolment.settlement_id = settlement_months.settlement_id
    left join policy_for_month as policy_in_force
        on policy_in_force.city = covering_enrolment.city
        and policy_in_force.scheme = covering_enrolment.scheme
        and policy_in_force.service_month = covering_enrolment.service_month
    left join policy_last_starts
        on policy_last_starts.city = settlement_months.city
        and policy_last_starts.scheme = covering_enrolment.scheme
    left join basis_assessment
        on basis_assessment.settlement_id = settlement_months.settlement_id
    left join assessments as basis
        on basis.assessment_id = basis_assessment.assessment_id
    left join institutions
        on institutions.institution_code = settlement_months.institution_code
    left join designated
        on designated.settlement_id = settlement_months.settlement_id
    left join policy_area_codes as enrolment_area
        on enrolment_area.policy_id = policy_in_force.policy_id
        and enrolment_area.admdvs = covering_enrolment.enrolment_admdvs
    left join policy_area_codes as city_area
        on city_area.policy_id = policy_in_force.policy_id
        and city_area.admdvs = policy_in_force.city
    left join policy_service_types
        on policy_service_types.policy_id = policy_in_force.policy_id
        and policy_service_types.service_type = settlement_months.service_type
),

-- Eligible days. For a settlement that is audited, enrolled and under a policy in force, every day of
-- its month is checked against each day-wise condition: covered by an enrolment (either scheme),
-- within the policy's period and benefits, on or after the benefit start, not after the assessments'
-- reassessment_due dates, after the waiting period, within the institution's designation, and not a
-- day of an inpatient stay or a work-injury nursing allowance where the policy excludes those for the
-- service type. Days are numbered within the month (1 = its first day); a settlement is keyed by a
-- number for the day-wise joins.
audited_months as (
    select
        row_number() over (order by settlement_id) as settlement_key,
        settlement_id,
        person_no,
        city,
        institution_code,
        service_type,
        policy_id,
        service_month,
        month_end,
        month_days,
        policy_effective_from,
        coalesce(policy_effective_to, date '9999-12-31') as policy_effective_to,
        benefits_from,
        -- no assessment to start from: before the benefit start when one qualifies after the month,
        -- else no day-wise limit (no_approved_assessment judges the whole settlement)
        case
            when has_approved_assessment then assessment_benefit_start
            when later_conclusion_date is not null then date '9999-12-31'
            else date '0001-01-01'
        end as assessment_benefit_start,
        has_approved_assessment,
        case when after_contribution_gap then waiting_ends else date '0001-01-01' end as waiting_ends,
        coalesce(institution_city = city, false) as institution_in_city,
        designated_from,
        coalesce(designated_to, date '9999-12-31') as designated_to,
    from checked
    where is_enrolled
        and has_policy
        and not is_reversal
        and not is_reversed
),

-- a contribution spell is covered on every day from its first row's start to its last row's end
coverage_spells as (
    select
        person_no,
        city,
        min(coverage_start) as spell_start,
        max(coverage_end) as spell_end,
    from enrolment_spell_starts
    group by person_no, city, spell_no
),

-- The periods of the multi-period conditions within each month, as day numbers, and the recorded
-- visit hours of each day.
marks as (
    select
        audited_months.settlement_key,
        'covered' as kind,
        coverage_spells.spell_start - audited_months.service_month + 1 as day_from,
        coverage_spells.spell_end - audited_months.service_month + 1 as day_to,
    from audited_months
    inner join coverage_spells
        on coverage_spells.person_no = audited_months.person_no
        and coverage_spells.city = audited_months.city
        and coverage_spells.spell_start <= audited_months.month_end
        and coverage_spells.spell_end >= audited_months.service_month
    union all
    select
        audited_months.settlement_key,
        'assessed',
        assessment_windows.benefit_start - audited_months.service_month + 1,
        least(assessment_windows.window_end, audited_months.month_end) - audited_months.service_month + 1,
    from audited_months
    inner join assessment_windows
        on assessment_windows.settlement_id = audited_months.settlement_id
        and assessment_windows.benefit_start <= audited_months.month_end
        and assessment_windows.window_end >= audited_months.service_month
    union all
    select
        audited_months.settlement_key,
        'inpatient',
        inpatient_stays.admission_date - audited_months.service_month + 1,
        least(inpatient_stays.last_day_in_hospital, audited_months.month_end) - audited_months.service_month + 1,
    from audited_months
    inner join policy_exclusions
        on policy_exclusions.policy_id = audited_months.policy_id
        and policy_exclusions.data_kind = 'inpatient'
        and coalesce(policy_exclusions.service_type, audited_months.service_type) = audited_months.service_type
    inner join inpatient_stays
        on inpatient_stays.person_no = audited_months.person_no
        and inpatient_stays.admission_date <= audited_months.month_end
        and inpatient_stays.last_day_in_hospital >= audited_months.service_month
    union all
    select
        audited_months.settlement_key,
        'work_injury',
        work_injury_allowances.allowance_from - audited_months.service_month + 1,
        least(work_injury_allowances.allowance_until, audited_months.month_end) - audited_months.service_month + 1,
    from audited_months
    inner join policy_exclusions
        on policy_exclusions.policy_id = audited_months.policy_id
        and policy_exclusions.data_kind = 'work_injury'
        and coalesce(policy_exclusions.service_type, audited_months.service_type) = audited_months.service_type
    inner join work_injury_allowances
        on work_injury_allowances.person_no = audited_months.person_no
        and work_injury_allowances.allowance_from <= audited_months.month_end
        and work_injury_allowances.allowance_until >= audited_months.service_month
),

period_masks as (
    select
        settlement_key,
        bit_or(day_bits(day_from, day_to)) filter (where kind = 'covered') as covered_mask,
        bit_or(day_bits(day_from, day_to)) filter (where kind = 'assessed') as assessed_mask,
        bit_or(day_bits(day_from, day_to)) filter (where kind = 'inpatient') as inpatient_mask,
        bit_or(day_bits(day_from, day_to)) filter (where kind = 'work_injury') as work_injury_mask,
    from marks
    group by settlement_key
),

-- Each day-wise condition as the mask of the days it admits (day_bits): the periods above, and the
-- conditions of one period computed from their dates.
masks as (
    select
        audited_months.settlement_key,
        audited_months.settlement_id,
        day_bits(1, audited_months.month_days) as month_mask,
        coalesce(period_masks.covered_mask, 0) as covered_mask,
        day_bits(1, audited_months.policy_effective_to - audited_months.service_month + 1) as policy_open_mask,
        day_bits(
            greatest(audited_months.policy_effective_from, audited_months.benefits_from, audited_months.assessment_benefit_start)
                - audited_months.service_month + 1,
            audited_months.month_days
        ) as started_mask,
        case
            when not audited_months.has_approved_assessment then day_bits(1, audited_months.month_days)
            else coalesce(period_masks.assessed_mask, 0)
                | day_bits(1, audited_months.assessment_benefit_start - audited_months.service_month)
        end as assessed_mask,
        day_bits(audited_months.waiting_ends - audited_months.service_month + 1, audited_months.month_days) as after_waiting_mask,
        case
            when audited_months.institution_code is null then day_bits(1, audited_months.month_days)
            when not audited_months.institution_in_city then 0::bigint
            else day_bits(
                audited_months.designated_from - audited_months.service_month + 1,
                audited_months.designated_to - audited_months.service_month + 1
            )
        end as designated_mask,
        day_bits(1, audited_months.month_days) & ~coalesce(period_masks.inpatient_mask, 0) as not_inpatient_mask,
        day_bits(1, audited_months.month_days) & ~coalesce(period_masks.work_injury_mask, 0) as not_work_injury_mask,
    from audited_months
    left join period_masks
        on period_masks.settlement_key = audited_months.settlement_key
),

eligible_masks as (
    select
        *,
        covered_mask & policy_open_mask & started_mask & assessed_mask & after_waiting_mask & designated_mask
            & not_inpatient_mask & not_work_injury_mask as eligible_mask,
    from masks
),

-- home-visit hours recorded per settlement and day of its month (check-in day, same person and institution)
visit_days as (
    select
        audited_months.settlement_key,
        (visits.check_in::date - audited_months.service_month + 1)::integer as day_no,
        sum(visits.hours) as hours,
    from audited_months
    inner join visits
        on visits.person_no = audited_months.person_no
        and visits.institution_code = audited_months.institution_code
        and visits.check_in::date between audited_months.service_month and audited_months.month_end
    group by all
),

-- the recorded hours on the days each condition admits (a day's bit in the condition's mask)
visit_hours as (
    select
        eligible_masks.settlement_key,
        sum(visit_days.hours)::decimal(18, 2) as recorded_hours,
        sum(visit_days.hours) filter (where (eligible_masks.covered_mask >> (day_no - 1)) & 1 = 1)::decimal(18, 2) as hours_covered,
        sum(visit_days.hours) filter (where (eligible_masks.policy_open_mask >> (day_no - 1)) & 1 = 1)::decimal(18, 2) as hours_policy_open,
        sum(visit_days.hours) filter (where (eligible_masks.started_mask >> (day_no - 1)) & 1 = 1)::decimal(18, 2) as hours_started,
        sum(visit_days.hours) filter (where (eligible_masks.assessed_mask >> (day_no - 1)) & 1 = 1)::decimal(18, 2) as hours_assessed,
        sum(visit_days.hours) filter (where (eligible_masks.after_waiting_mask >> (day_no - 1)) & 1 = 1)::decimal(18, 2) as hours_after_waiting,
        sum(visit_days.hours) filter (where (eligible_masks.designated_mask >> (day_no - 1)) & 1 = 1)::decimal(18, 2) as hours_designated,
        sum(visit_days.hours) filter (where (eligible_masks.not_inpatient_mask >> (day_no - 1)) & 1 = 1)::decimal(18, 2) as hours_not_inpatient,
        sum(visit_days.hours) filter (where (eligible_masks.not_work_injury_mask >> (day_no - 1)) & 1 = 1)::decimal(18, 2) as hours_not_work_injury,
        sum(visit_days.hours) filter (where (eligible_masks.eligible_mask >> (day_no - 1)) & 1 = 1)::decimal(18, 2) as hours_eligible,
    from eligible_masks
    inner join visit_days
        on visit_days.settlement_key = eligible_masks.settlement_key
    group by eligible_masks.settlement_key
),

-- Per settlement: the days (and the recorded visit hours) each condition admits, and all together.
day_counts as (
    select
        eligible_masks.settlement_id,
        bit_count(covered_mask)::integer as days_covered,
        bit_count(policy_open_mask)::integer as days_policy_open,
        bit_count(started_mask)::integer as days_started,
        bit_count(assessed_mask)::integer as days_assessed,
        bit_count(after_waiting_mask)::integer as days_after_waiting,
        bit_count(designated_mask)::integer as days_designated,
        bit_count(not_inpatient_mask)::integer as days_not_inpatient,
        bit_count(not_work_injury_mask)::integer as days_not_work_injury,
        bit_count(eligible_mask)::integer as eligible_days,
        coalesce(visit_hours.recorded_hours, 0)::decimal(18, 2) as recorded_hours,
        visit_hours.hours_covered,
        visit_hours.hours_policy_open,
        visit_hours.hours_started,
        visit_hours.hours_assessed,
        visit_hours.hours_after_waiting,
        visit_hours.hours_designated,
        visit_hours.hours_not_inpatient,
        visit_hours.hours_not_work_injury,
        visit_hours.hours_eligible,
    from eligible_masks
    left join visit_hours
        on visit_hours.settlement_key = eligible_masks.settlement_key
),

final as (
    select
        checked.*,
        day_counts.* exclude (settlement_id),
    from checked
    left join day_counts
        on day_counts.settlement_id = checked.settlement_id
)

select * from final
