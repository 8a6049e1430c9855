-- grain: one row per settlement and audit rule it breaks (rules and precedence: docs/audit-rules.md)
-- detail says in Chinese what is wrong and cites the clause from policy_source (or says the value is
-- assumed). expected_fund_amt and actual_fund_amt are the settlement's (the same on each of its rows):
-- sum money over mart_audit_settlements, never over these rows. Persons are not named in detail, nor
-- assessments by their id (an id may embed the person number): by their conclusion date.
-- only the settlements with at least one finding (the cited policy is looked up for these alone)
with priced as (
    select * from int_settlement_priced
    where flag_not_enrolled
        or flag_policy_missing
        or flag_area_not_in_pilot
        or flag_no_approved_assessment
        or flag_disability_under_6_months
        or flag_service_not_covered
        or flag_category_mismatch
        or flag_duplicate
        or flag_before_eligibility
        or flag_assessment_expired
        or flag_waiting_period
        or flag_non_designated
        or flag_inpatient_overlap
        or flag_work_injury_overlap
        or flag_days_overlap
        or flag_hours_unsupported
        or flag_cap_exceeded
        or flag_price_mismatch
),

policies as (
    select * from policy_scheme
),

sources as (
    select * from policy_source
),

service_names as (
    select * from policy_service_type
),

category_names as (
    select * from policy_institution_category
),

-- names, so a reader sees 邹城市人民医院 and 微山县, not P3708830001 and 370826
institutions as (
    select * from stg_institution
),

areas as (
    select * from int_areas_named
),

-- The policy a finding cites: the settlement's own; else (no enrolment or no policy in force) the city's
-- policy of the same scheme, else any of the city's policies, the one in force in the month first.
cited_policy as (
    select
        priced.settlement_id,
        coalesce(priced.policy_id, policies.policy_id) as cite_policy_id,
    from priced
    left join policies
        on policies.city = priced.city
    qualify row_number() over (
        partition by priced.settlement_id
        order by
            policies.scheme is not distinct from priced.scheme desc,
            policies.effective_from <= priced.month_end
                and coalesce(policies.effective_to, date '9999-12-31') >= priced.service_month desc,
            policies.effective_from,
            policies.policy_id
    ) = 1
),

-- A quantity in the settlement's unit, as words: '9 天', '20.00 小时（上门记录）'.
base as (
    select
        priced.*,
        cited_policy.cite_policy_id,
        month_zh(priced.service_month) as month_label,
        '“' || coalesce(institutions.institution_name, priced.institution_code, '') || '”' as institution_label,
        coalesce(areas.area_name, priced.enrolment_admdvs) as enrolment_area_label,
        case priced.scheme when 'employee' then '职工' when 'resident' then '城乡居民' else '' end as scheme_label,
        coalesce(billed_name.name_zh, priced.service_type) as service_name,
        coalesce(priced_as_name.name_zh, priced.priced_as) as priced_as_name,
        coalesce(category_names.name_zh, priced.institution_category) as category_name,
        case priced.unit_kind
            when 'days' then ' 天'
            when 'visits' then ' 次'
            when 'whole' then ' 笔'
            else ' 小时'
        end as unit_word,
    from priced
    inner join cited_policy
        on cited_policy.settlement_id = priced.settlement_id
    left join service_names as billed_name
        on billed_name.service_type = priced.service_type
    left join service_names as priced_as_name
        on priced_as_name.service_type = priced.priced_as
    left join category_names
        on category_names.category = priced.institution_category
    left join institutions
        on institutions.institution_code = priced.institution_code
    left join areas
        on areas.admdvs = priced.enrolment_admdvs
),

worded as (
    select
        *,
        -- '，结算 31 天，本月可计 9 天' for the day-wise rules: the units claimed, those the condition admits
        list_transform(
            allowed,
            a -> '，结算 '
                || case when unit_kind in ('days', 'visits', 'whole') then claimed_units::integer::varchar else claimed_units::varchar end
                || unit_word || '，本月可计 '
                || case when unit_kind in ('days', 'visits', 'whole') then a::integer::varchar else a::varchar end
                || unit_word || case when unit_kind = 'recorded_hours' then '（按上门记录）' else '' end
        ) as window_note,
    from base
),

findings as (
    select settlement_id, 'not_enrolled' as rule, 1 as rule_order, 'scheme' as cite_param,
        case
            when not is_enrolled then '服务月份' || month_label || '无本市长护险参保缴费记录'
            else '服务月份' || month_label || '只有 ' || days_covered || ' 天在本市长护险参保期内' || window_note[1]
        end as message,
    from worded where flag_not_enrolled
    union all
    select settlement_id, 'policy_missing', 2, 'scheme',
        case
            when is_fully_checked then '本市' || scheme_label || '长护险政策在服务月份' || month_label || '只有 ' || days_policy_open
                || ' 天在政策目录所载有效期内，其余日期的政策未录入' || window_note[2]
            else '本市' || scheme_label || '长护险在服务月份' || month_label || '的政策未录入政策目录，未能按政策核定应付金额'
        end,
    from worded where flag_policy_missing
    union all
    select settlement_id, 'area_not_in_pilot', 3,
        (
            select min(sources.param) from sources
            where sources.policy_id = worded.cite_policy_id and sources.param like 'area.%'
        ),
        '参保地' || enrolment_area_label || '不在本市长护险' || scheme_label || '试点范围内',
    from worded where flag_area_not_in_pilot
    union all
    select settlement_id, 'no_approved_assessment', 4, 'min_level',
        '服务月份' || month_label || '前无通过的重度失能评估（失能等级需达到政策最低等级）',
    from worded where flag_no_approved_assessment
    union all
    select settlement_id, 'disability_under_6_months', 5, 'min_disability_months',
        '评估（' || date_zh(basis_conclusion_date) || '结论）失能持续 ' || basis_disability_months || ' 个月，未达到政策要求的持续时间',
    from worded where flag_disability_under_6_months
    union all
    select settlement_id, 'service_not_covered', 6, 'provision.service_types',
        '服务类型“' || service_name || '”不在本市长护险' || scheme_label || '支付范围内',
    from worded where flag_service_not_covered
    union all
    select settlement_id, 'category_mismatch', 7,
        case
            when priced_as is null then service_param
            else 'institution_category.' || institution_category || '.' || priced_as
        end,
        '机构' || institution_label || '为' || category_name || '，不能按“' || service_name || '”结算'
            || case
                when priced_as is null then '，本市政策未规定该类机构可结算的同类服务，不予支付'
                else '，按“' || priced_as_name || '”的标准核定'
            end,
    from worded where flag_category_mismatch
    union all
    select settlement_id, 'duplicate', 8, service_param,
        '与结算 ' || duplicate_of || ' 为同一人员、同一机构、同一服务类型、服务月份' || month_label || '的重复结算',
    from worded where flag_duplicate
    union all
    select settlement_id, 'before_eligibility', 9,
        case
            when not has_policy then 'effective_from'
            when benefits_from > service_month then 'benefits_from'
            when policy_effective_from > service_month then 'effective_from'
            else 'benefit_start_offset_days'
        end,
        case
            when not has_policy then '服务月份' || month_label || '早于本市' || scheme_label || '长护险施行日期'
            when benefits_from > month_end then '服务月份' || month_label || '早于待遇开始日期' || date_zh(benefits_from)
            when basis_assessment_id is not null then '评估结论日期' || date_zh(basis_conclusion_date)
                || '，待遇自' || date_zh(greatest(assessment_benefit_start, benefits_from, policy_effective_from)) || '起享受'
                || window_note[3]
            else '首次通过评估的结论日期' || date_zh(later_conclusion_date) || '晚于服务月份' || month_label
        end,
    from worded where flag_before_eligibility
    union all
    select settlement_id, 'assessment_expired', 10, 'reassessment_months',
        '评估（' || date_zh(basis_conclusion_date) || '结论）有效期至' || date_zh(basis_valid_until) || '，其后未见复评' || window_note[4],
    from worded where flag_assessment_expired
    union all
    select settlement_id, 'waiting_period', 11, 'waiting_period_months',
        '中断缴费后于' || date_zh(spell_start) || '重新参保，待遇等待期至' || date_zh(waiting_ends - 1) || '止' || window_note[5],
    from worded where flag_waiting_period
    union all
    select settlement_id, 'non_designated', 12, service_param,
        case
            when designated_from is null or institution_city is distinct from city
                then '机构' || institution_label || '不是本市定点护理机构'
            else '机构' || institution_label || '定点期间为' || date_zh(designated_from) || '至' || coalesce(date_zh(designated_to), '今')
        end || window_note[6],
    from worded where flag_non_designated
    union all
    select settlement_id, 'inpatient_overlap', 13, 'exclusion.inpatient',
        '服务月份' || month_label || '中有 ' || (month_days - days_not_inpatient) || ' 天在住院期间' || window_note[7],
    from worded where flag_inpatient_overlap
    union all
    select settlement_id, 'work_injury_overlap', 14, 'exclusion.work_injury',
        '服务月份' || month_label || '中有 ' || (month_days - days_not_work_injury) || ' 天在领取工伤保险生活护理费期间' || window_note[8],
    from worded where flag_work_injury_overlap
    union all
    select settlement_id, 'days_overlap', 15, service_param,
        '同一人员服务月份' || month_label || '在床位或日间照护的天数：此前结算 ' || occupied_days_before || ' 天，本结算 '
            || service_days || ' 天，合计超过当月 ' || month_days || ' 天；超出的 ' || overlap_days || ' 天不予支付',
    from worded where flag_days_overlap
    union all
    select settlement_id, 'hours_unsupported', 16, service_param,
        '结算服务时长 ' || priced_hours || ' 小时，上门服务记录只有 ' || coalesce(recorded_hours, 0) || ' 小时（同一人员、机构、月份），按记录时长核定',
    from worded where flag_hours_unsupported
    union all
    select settlement_id, 'cap_exceeded', 17, service_param || '.monthly_cap',
        '基金支付 ' || fund_amt || ' 元，超过月度限额 ' || monthly_cap || ' 元',
    from worded where flag_cap_exceeded
    union all
    select settlement_id, 'price_mismatch', 18,
        service_param || case method when 'ratio' then '.ratio' else '.rate' end,
        case
            when priced_fund_amt is null then '基金支付 ' || fund_amt || ' 元，按政策无法定价（无对应医院等级的支付比例）'
            else '基金支付 ' || fund_amt || ' 元，按政策应付 ' || priced_fund_amt || ' 元（'
                || case method
                    when 'daily_rate' then rate || ' 元/天 × ' || coalesce(service_days, 0) || ' 天'
                    when 'hourly_rate' then rate || ' 元/小时 × ' || coalesce(priced_hours, 0) || ' 小时'
                        || coalesce('，月度限额 ' || monthly_cap || ' 元', '')
                    when 'ratio' then '符合范围费用 ' || eligible_amt || ' 元 × ' || regexp_replace((ratio * 100)::decimal(6, 2)::varchar, '\.?0+$', '') || '%'
                end
                || '，四舍五入到分）'
        end,
    from worded where flag_price_mismatch
),

cited as (
    select
        findings.*,
        base.city,
        base.expected_fund_amt,
        base.fund_amt as actual_fund_amt,
        coalesce(sources.document_no, service_types.document_no) as document_no,
        coalesce(sources.clause, service_types.clause) as clause,
        coalesce(sources.assumed, service_types.assumed) as assumed,
        coalesce(sources.assumed_why, service_types.assumed_why) as assumed_why,
        case
            when coalesce(sources.assumed, service_types.assumed) then coalesce(sources.document_no, service_types.document_no)
                || '（该值为假设：' || coalesce(sources.assumed_why, service_types.assumed_why) || '）'
            when coalesce(sources.clause, service_types.clause) is not null then coalesce(sources.document_no, service_types.document_no)
                || '“' || coalesce(sources.clause, service_types.clause) || '”'
        end as basis,
    from findings
    inner join base
        on base.settlement_id = findings.settlement_id
    left join sources
        on sources.policy_id = base.cite_policy_id
        and sources.param = findings.cite_param
    -- a service the policy does not price has no clause of its own: cite the policy's list of services
    left join sources as service_types
        on service_types.policy_id = base.cite_policy_id
        and service_types.param = 'provision.service_types'
),

final as (
    select
        settlement_id,
        city,
        rule,
        rule_order,
        message || coalesce('。依据：' || basis, '') as detail,
        -- the two halves of detail, for a page that shows what is wrong and its basis apart
        message,
        basis,
        expected_fund_amt,
        actual_fund_amt,
    from cited
    order by settlement_id, rule_order
)

select * from final
