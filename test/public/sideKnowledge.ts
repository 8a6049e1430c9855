// What the attacker (attacker.ts) may know besides the published files, read from the warehouse:
// every fund's opening balance, and where 合计 = 职工 + 城乡居民 holds exactly.
import { queryRows, withWarehouse } from '../../data-loaders/db.ts';
import type { SideKnowledge } from './attacker.ts';

export async function sideKnowledge(db: string): Promise<SideKnowledge> {
  return withWarehouse(db, async ({ conn }) => {
    const openings = await queryRows(conn, `
        select city, scheme, (cumulative_balance - net)::varchar as opening
        from mart_fund_monthly
        where balance_known
        qualify row_number() over (partition by city, scheme order by month) = 1`);
    const fund = await queryRows(conn, `
        select
            city, year::varchar as year,
            bool_and(income_rest = 0) as income_total, bool_and(expenditure_rest = 0) as expenditure_total,
            bool_and(net_rest = 0) as net, bool_and(coalesce(balance_rest, 0) = 0) as balance_end,
        from (
            select city, year,
                sum(case when scheme = 'all' then income_total else -income_total end) as income_rest,
                sum(case when scheme = 'all' then expenditure_total else -expenditure_total end) as expenditure_rest,
                sum(case when scheme = 'all' then net else -net end) as net_rest,
                sum(case when scheme = 'all' then balance_end else -balance_end end) as balance_rest,
            from mart_fund_annual
            where scheme in ('all', 'employee', 'resident')
            group by all
        )
        group by all`);
    const persons = await queryRows(conn, `
        select city, year::varchar as year,
            sum(case when scheme = 'all' then beneficiaries else -beneficiaries end) = 0 as beneficiaries,
        from mart_city_comparison
        where scheme in ('all', 'employee', 'resident')
        group by all`);
    const opening = new Map(openings.map((r) => [`${r.city}|${r.scheme}`, String(r.opening)]));
    const zero = new Map<string, boolean>();
    for (const r of fund) for (const m of ['income_total', 'expenditure_total', 'net', 'balance_end']) zero.set(`${r.city}|${r.year}|${m}`, r[m] === true);
    for (const r of persons) zero.set(`${r.city}|${r.year}|beneficiaries`, r.beneficiaries === true);
    return {
      opening: (city, scheme) => opening.get(`${city}|${scheme}`) ?? null,
      remainderIsZero: (city, year, measure) => zero.get(`${city}|${year}|${measure}`) ?? false,
    };
  }, { readOnly: true });
}
