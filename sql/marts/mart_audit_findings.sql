-- grain: one row per settlement and audit rule it breaks (rules and precedence: docs/audit-rules.md)
-- detail says in Chinese what is wrong and cites the clause from policy_source (or says the value is assumed).
-- only the settlements with at least one finding (the cited policy is looked up for these alone)
with priced as (
    select * from int_settlement_priced
    where flag_not_enrolled
        or flag_area_not_in_pilot
        or flag_no_approved_assessment
        or flag_disability_under_6_months
        or flag_before_eligibility
        or flag_assessment_expired
        or flag_waiting_period
        or flag_non_designated
        or flag_service_not_covered
        or flag_duplicate
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

base as (
    select
        priced.*,
        cited_policy.cite_policy_id,
        strftime(priced.service_month, '%Y-%m') as month_label,
        case priced.scheme when 'employee' then '职工' when 'resident' then '城乡居民' else '' end as scheme_label,
    from priced
    inner join cited_policy
        on cited_policy.settlement_id = priced.settlement_id
),

findings as (
    select settlement_id, 'not_enrolled' as rule, 1 as rule_order, 'scheme' as cite_param,
        '服务月份' || month_label || '无本市长护险参保缴费记录（人员编号 ' || person_no || '）' as message,
    from base where flag_not_enrolled
    union all
    select settlement_id, 'area_not_in_pilot', 2,
        case when has_policy then (
            select min(sources.param) from sources
            where sources.policy_id = base.cite_policy_id and sources.param like 'area.%'
        ) else 'scheme' end,
        case
            when has_policy then '参保地区划 ' || enrolment_admdvs || ' 不在本市长护险' || scheme_label || '试点范围内'
            else '本市' || scheme_label || '长护险在服务月份' || month_label || '无适用政策'
        end,
    from base where flag_area_not_in_pilot
    union all
    select settlement_id, 'no_approved_assessment', 3, 'min_level',
        '服务月份' || month_label || '前无通过的重度失能评估（失能等级需达到政策最低等级）',
    from base where flag_no_approved_assessment
    union all
    select settlement_id, 'disability_under_6_months', 4, 'min_disability_months',
        '评估 ' || basis_assessment_id || ' 失能持续 ' || basis_disability_months || ' 个月，未达到政策要求的持续时间',
    from base where flag_disability_under_6_months
    union all
    select settlement_id, 'before_eligibility', 5,
        case
            when not has_policy then 'effective_from'
            when benefits_from > month_end then 'benefits_from'
            else 'benefit_start_offset_days'
        end,
        case
            when not has_policy then '服务月份' || month_label || '早于本市' || scheme_label || '长护险施行日期'
            when benefits_from > month_end then '服务月份' || month_label || '早于待遇开始日期 ' || benefits_from
            when basis_assessment_id is not null then '评估 ' || basis_assessment_id || ' 结论日期 ' || basis_conclusion_date
                || '，待遇自 ' || assessment_benefit_start || ' 起享受，服务月份' || month_label || '早于待遇开始'
            else '首次通过评估的结论日期 ' || later_conclusion_date || ' 晚于服务月份' || month_label
        end,
    from base where flag_before_eligibility
    union all
    select settlement_id, 'assessment_expired', 6, 'reassessment_months',
        '评估 ' || basis_assessment_id || ' 有效期至 ' || basis_valid_until || '，服务月份' || month_label || '已超出有效期，未见复评',
    from base where flag_assessment_expired
    union all
    select settlement_id, 'waiting_period', 7, 'waiting_period_months',
        '中断缴费后于 ' || spell_start || ' 重新参保，待遇等待期至 ' || (waiting_ends - 1) || ' 止，服务月份' || month_label || '在等待期内',
    from base where flag_waiting_period
    union all
    select settlement_id, 'non_designated', 8, service_param,
        '机构 ' || coalesce(institution_code, '') || ' 在服务月份' || month_label || '不是本市定点护理机构',
    from base where flag_non_designated
    union all
    select settlement_id, 'service_not_covered', 9, 'provision.service_types',
        '服务类型 ' || service_type || ' 不在本市长护险' || scheme_label || '支付范围内',
    from base where flag_service_not_covered
    union all
    select settlement_id, 'duplicate', 10, service_param,
        '与结算 ' || duplicate_of || ' 为同一人员、服务类型、服务月份' || month_label || '的重复结算',
    from base where flag_duplicate
    union all
    select settlement_id, 'hours_unsupported', 11, service_param,
        '结算服务时长 ' || priced_hours || ' 小时，超过上门服务记录的 ' || recorded_hours || ' 小时（同一人员、机构、月份）',
    from base where flag_hours_unsupported
    union all
    select settlement_id, 'cap_exceeded', 12, service_param || '.monthly_cap',
        '基金支付 ' || fund_amt || ' 元，超过月度限额 ' || monthly_cap || ' 元',
    from base where flag_cap_exceeded
    union all
    select settlement_id, 'price_mismatch', 13,
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
    from base where flag_price_mismatch
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
        message
            || case
                when assumed then '。依据：' || document_no || '（该值为假设：' || assumed_why || '）'
                when clause is not null then '。依据：' || document_no || '“' || clause || '”'
                else ''
            end as detail,
        expected_fund_amt,
        actual_fund_amt,
    from cited
    order by settlement_id, rule_order
)

select * from final
