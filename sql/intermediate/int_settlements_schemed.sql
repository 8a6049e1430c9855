-- grain: one row per settlement (reversal rows included), with its scheme and net quantities
-- A reversal row's amounts are already negative (contract). Its quantities are made negative here:
-- minus the reversed original's days / hours / visits, or minus its own when the original is not
-- in the warehouse, so that sums of quantities net out like sums of amounts.
with settlements as (
    select * from stg_settlement
),

schemes as (
    select * from int_person_events_schemed
    where event_kind = 'settlement'
),

final as (
    select
        settlements.settlement_id,
        settlements.person_no,
        settlements.admdvs,
        settlements.city,
        schemes.scheme,
        schemes.scheme_rule,
        schemes.enrolled,
        settlements.institution_code,
        settlements.service_type,
        settlements.service_month,
        year(settlements.service_month)::integer as service_year,
        settlements.settled_date,
        settlements.settled_month,
        settlements.is_reversal,
        settlements.reversal_of,
        originals.settlement_id is not null as reversal_original_found,
        case
            when settlements.is_reversal then -coalesce(originals.service_days, abs(settlements.service_days))
            else settlements.service_days
        end as service_days_net,
        case
            when settlements.is_reversal then -coalesce(originals.service_hours, abs(settlements.service_hours))
            else settlements.service_hours
        end as service_hours_net,
        case
            when settlements.is_reversal then -coalesce(originals.visits, abs(settlements.visits))
            else settlements.visits
        end as visits_net,
        settlements.total_amt,
        settlements.eligible_amt,
        settlements.fund_amt,
        settlements.personal_amt,
    from settlements
    inner join schemes
        on schemes.event_id = settlements.settlement_id
    left join settlements as originals
        on originals.settlement_id = settlements.reversal_of
)

select * from final
