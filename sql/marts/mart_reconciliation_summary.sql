-- grain: one row: the reconciliation checks counted by severity and result, for 数据质量's key figure.
--   errors / errors_passed: checks that must hold, and how many do (every one, or the build fails);
--   warnings / warnings_flagged: counts of what the raw data may contain, and how many are not zero;
--   notes: context rows (severity 'info'), side-by-side figures that are not checks.
with checks as (
    select * from mart_reconciliation
),

final as (
    select
        count(*) as checks,
        count(*) filter (where severity = 'error') as errors,
        count(*) filter (where severity = 'error' and passed) as errors_passed,
        count(*) filter (where severity = 'warn') as warnings,
        count(*) filter (where severity = 'warn' and not passed) as warnings_flagged,
        count(*) filter (where severity = 'info') as notes,
    from checks
)

select * from final
