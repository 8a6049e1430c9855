// 参保人数与待遇享受人数: participants and beneficiaries per city and year by scheme
// (mart_city_comparison), by district (mart_district) and beneficiaries by disability level
// (mart_beneficiary_level) — three tables in one file because they are suppressed together: the
// city total is the sum of the schemes, of the districts and of the levels, so no published sum
// may give a hidden cell away.
import type { DuckDBConnection } from '@duckdb/node-api';
import { levelLabel, SCHEME_ORDER, SCHEMES } from '../../../vocabulary/index.ts';
import { derived, shown, type Disclosure, type MaskedCell } from '../../suppress.ts';
import { CITY_YEAR, cityNames, hasTable, publicTable, rows, SUPPRESSION_NOTE, type PublicColumn, type PublicTable } from './table.ts';

export interface PersonTables {
  schemes: () => PublicTable;
  districts: () => PublicTable;
  levels: () => PublicTable;
}

const int = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

const PERSON_COLUMNS: PublicColumn[] = [
  { key: 'participants', label: '参保人数', kind: 'count' },
  { key: 'beneficiaries', label: '待遇享受人数', kind: 'count' },
  { key: 'beneficiaries_per_1000', label: '每千参保人享受待遇人数', kind: 'number' },
];

export async function personTables(conn: DuckDBConnection, d: Disclosure): Promise<PersonTables> {
  const cityName = await cityNames(conn);
  const comparison = await rows(conn, `
    select city, year, scheme, participants, beneficiaries
    from mart_city_comparison
    order by city, year desc`);
  const district = (await hasTable(conn, 'mart_district')) ? await rows(conn, `
    select city, year, admdvs, is_district, district_name, participants, beneficiaries,
    from mart_district
    where scheme = 'all'
    order by city, year, admdvs`) : [];
  const profile = (await hasTable(conn, 'mart_beneficiary_level')) ? await rows(conn, `
    select city, year, disability_level, beneficiaries,
    from mart_beneficiary_level
    where scheme = 'all'
    order by city, year, disability_level nulls last`) : [];

  const keys = [...new Set(comparison.filter((x) => x.scheme === 'all' && (int(x.participants) > 0 || int(x.beneficiaries) > 0))
    .map((x) => `${x.city}|${x.year}`))];
  const schemes: Record<string, unknown>[] = [];
  const districts: Record<string, unknown>[] = [];
  const levels: Record<string, unknown>[] = [];
  const emit: (() => void)[] = [];
  for (const key of keys) {
    const [city, yearText] = key.split('|');
    const year = Number(yearText);
    const where = { city_name: cityName(city), city, year: String(year) };
    const mine = <T extends Record<string, unknown>>(list: T[]) => list.filter((x) => x.city === city && Number(x.year) === year);
    const byScheme = mine(comparison).sort((a, b) => SCHEME_ORDER.indexOf(String(a.scheme)) - SCHEME_ORDER.indexOf(String(b.scheme)));
    const all = byScheme.find((x) => x.scheme === 'all')!;
    const parts = byScheme.filter((x) => x.scheme === 'employee' || x.scheme === 'resident');
    const dists = mine(district);
    const lvls = mine(profile);

    const cell = (what: 'p' | 'b', part: string) => `persons|${city}|${year}|${what}|${part}`;
    const pAll = d.count(cell('p', 'all'), int(all.participants), { weight: 3 });
    const bAll = d.count(cell('b', 'all'), int(all.beneficiaries), { weight: 3 });
    const pScheme = parts.map((x) => d.count(cell('p', String(x.scheme)), int(x.participants)));
    const bScheme = parts.map((x) => d.count(cell('b', String(x.scheme)), int(x.beneficiaries)));
    // Beneficiaries of no fund (settlements with no enrolment, two schemes in force) count in the
    // total only: a member of the sum that no table shows (docs/public.md says why it is not protected).
    const bRest = int(all.beneficiaries) - parts.reduce((n, x) => n + int(x.beneficiaries), 0);
    if (bRest > 0 && parts.length) bScheme.push(d.unknown(cell('b', 'no_fund'), bRest));
    const pDist = dists.map((x) => d.count(cell('p', `d${x.admdvs}`), int(x.participants)));
    const bDist = dists.map((x) => d.count(cell('b', `d${x.admdvs}`), int(x.beneficiaries)));
    const bLevel = lvls.map((x) => d.count(cell('b', `l${x.disability_level ?? 'unknown'}`), int(x.beneficiaries)));
    // A single-scheme city: the scheme row equals the total; it is still one sum of one member.
    // A person can be counted in two schemes or districts in a year: the sums are close, protected as exact.
    d.sum(pAll, pScheme, { approximate: true });
    d.sum(bAll, bScheme, { approximate: true });
    d.sum(pAll, pDist, { approximate: true });
    d.sum(bAll, bDist, { approximate: true });
    d.sum(bAll, bLevel, { approximate: true });
    // Rows are made after d.run(): the cells are suppressed with every other published table.
    emit.push(() => {
      const c = (name: string) => d.cell(name);
      // A rate per 1,000 is a ratio of counts, not money: plain arithmetic, hidden with its counts.
      const personRow = (pc: MaskedCell, bc: MaskedCell) => ({
        participants: shown(pc),
        beneficiaries: shown(bc),
        beneficiaries_per_1000: pc.value > 0 ? derived(((bc.value * 1000) / pc.value).toFixed(2), pc, bc) : null,
      });
      schemes.push({ ...where, scheme: SCHEMES.all, ...personRow(c(pAll), c(bAll)) });
      parts.forEach((x, i) => schemes.push({ // (bScheme's extra member, if any, is not published)
        ...where, scheme: SCHEMES[String(x.scheme)] ?? String(x.scheme), ...personRow(c(pScheme[i]), c(bScheme[i])),
      }));
      dists.forEach((x, i) => districts.push({
        ...where, admdvs: String(x.admdvs),
        district: x.is_district === false ? '未细分区县' : String(x.district_name ?? x.admdvs),
        ...personRow(c(pDist[i]), c(bDist[i])),
      }));
      lvls.forEach((x, i) => levels.push({
        ...where, level: levelLabel(x.disability_level as number | null), beneficiaries: shown(c(bLevel[i])),
      }));
    });
  }
  /** The rows, made once, on the first table asked for. */
  const made = () => {
    for (const e of emit.splice(0)) e();
  };

  return {
    schemes: () => (made(), publicTable({
      name: 'participants-beneficiaries',
      title: '参保人数与待遇享受人数（按险种）',
      columns: [...CITY_YEAR, { key: 'scheme', label: '险种', kind: 'text' }, ...PERSON_COLUMNS],
      rows: schemes,
      note: `参保人数为参保期覆盖当年任一日的人数；待遇享受人数为当年（按服务月份）有护理费用结算的人数，不含结算全部被冲销的人员；无法确定险种的人员只计入合计。${SUPPRESSION_NOTE}`,
    })),
    districts: () => (made(), publicTable({
      name: 'districts',
      title: '参保人数与待遇享受人数（按区县）',
      columns: [...CITY_YEAR, { key: 'admdvs', label: '区县区划', kind: 'text' }, { key: 'district', label: '区县', kind: 'text' }, ...PERSON_COLUMNS],
      rows: districts,
      note: SUPPRESSION_NOTE,
    })),
    levels: () => (made(), publicTable({
      name: 'beneficiaries-by-level',
      title: '待遇享受人数（按失能等级）',
      columns: [...CITY_YEAR, { key: 'level', label: '失能等级', kind: 'text' }, { key: 'beneficiaries', label: '待遇享受人数', kind: 'count' }],
      rows: levels,
      note: `失能等级为当年最后一个服务月月末前最近一次评估的等级。${SUPPRESSION_NOTE}`,
    })),
  };
}
