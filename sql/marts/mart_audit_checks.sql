-- grain: one row per policy and clause the audit can check only with an optional extract (an inpatient
-- stay, a work-injury nursing allowance: policy_exclusion): whether the warehouse holds rows of that
-- kind for the city. Without them the rule cannot fire, and the methodology page lists the clause as
-- 未核查（缺少数据）.
with exclusions as (
    select * from policy_exclusion
),

policies as (
    select * from policy_scheme
),

sources as (
    select * from policy_source
),

inpatient_stays as (
    select * from stg_inpatient
),

work_injury_allowances as (
    select * from stg_work_injury
),

delivered as (
    select 'inpatient' as data_kind, city, count(*) as delivered_rows from inpatient_stays group by all
    union all
    select 'work_injury', city, count(*) from work_injury_allowances group by all
),

clauses as (
    select
        policy_id,
        data_kind,
        case when bool_or(service_type is null) then null else list(service_type order by service_type) end as service_types,
    from exclusions
    group by all
),

final as (
    select
        policies.city,
        policies.city_name,
        policies.scheme,
        clauses.policy_id,
        case clauses.data_kind
            when 'inpatient' then 'inpatient_overlap'
            when 'work_injury' then 'work_injury_overlap'
        end as rule,
        clauses.data_kind,
        clauses.service_types,
        sources.document_no,
        sources.clause,
        coalesce(delivered.delivered_rows, 0) as delivered_rows,
        coalesce(delivered.delivered_rows, 0) > 0 as is_checked,
    from clauses
    inner join policies
        on policies.policy_id = clauses.policy_id
    left join sources
        on sources.policy_id = clauses.policy_id
        and sources.param = 'exclusion.' || clauses.data_kind
    left join delivered
        on delivered.data_kind = clauses.data_kind
        and delivered.city = policies.city
)

select * from final
