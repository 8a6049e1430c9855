-- reassessment_due(valid_until, conclusion_date, reassessment_months): the last day an assessment
-- holds before a re-assessment falls due — the earlier of its own valid_until and its conclusion
-- plus the policy's reassessment_months (淮安 "失能人员每年至少复核一次": 12). Null when neither is
-- set: never due. One rule for the audit (int_eligibility_checked) and mart_assessment.
create or replace macro reassessment_due(valid_until, conclusion_date, reassessment_months) as
    least(valid_until, (conclusion_date + to_months(reassessment_months))::date);
