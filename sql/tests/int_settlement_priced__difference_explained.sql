-- every audited settlement paid other than its expected amount carries a finding that says why
with priced as (
    select * from int_settlement_priced
)

select
    settlement_id,
    fund_amt,
    expected_fund_amt,
from priced
where is_audited
    and expected_fund_amt is not null
    and abs(fund_amt - expected_fund_amt) > 0.01
    and not (
        flag_not_enrolled or flag_policy_missing or flag_area_not_in_pilot or flag_no_approved_assessment
        or flag_disability_under_6_months or flag_service_not_covered or flag_category_mismatch or flag_duplicate
        or flag_before_eligibility or flag_assessment_expired or flag_waiting_period or flag_non_designated
        or flag_inpatient_overlap or flag_work_injury_overlap or flag_days_overlap or flag_hours_unsupported
        or flag_cap_exceeded or flag_price_mismatch
    )
