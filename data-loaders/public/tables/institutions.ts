// 定点护理服务机构名单 (mart_public_institution): the institutions designated on the data's as-of
// date, each once. Institutions are organisations: their names are public and nothing is suppressed.
import type { DuckDBConnection } from '@duckdb/node-api';
import { institution } from '../../contract/kinds.ts';
import { gradeLabel } from '../../../vocabulary/index.ts';
import { cityNames, publicTable, rows, type PublicTable } from './table.ts';

/** Institution categories in Chinese, from the extract contract's code list (institution.category). */
export const CATEGORY_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries((institution.columns.find((c) => c.name === 'category') as { values: Record<string, string[]> }).values)
    .map(([code, names]) => [code, names[1] ?? code]),
);

/** '全市' for an institution delivered with the city code, else its district's name (or code). */
export function districtOf(x: Record<string, unknown>): string {
  return x.is_district === false ? '全市' : String(x.district_name ?? x.admdvs);
}

export async function institutions(conn: DuckDBConnection): Promise<PublicTable> {
  const cityName = await cityNames(conn);
  const r = await rows(conn, `
    select
        city,
        admdvs,
        district_name,
        is_district,
        institution_name as name,
        category,
        grade,
        beds,
        strftime(designated_from, '%Y-%m-%d') as designated_from,
    from mart_public_institution
    order by city, admdvs, category, institution_name, institution_code`);
  return publicTable({
    name: 'institutions',
    title: '定点护理服务机构名单',
    columns: [
      { key: 'city_name', label: '城市', kind: 'text' },
      { key: 'district', label: '区县', kind: 'text' },
      { key: 'admdvs', label: '医保区划', kind: 'text' },
      { key: 'name', label: '机构名称', kind: 'text' },
      { key: 'category', label: '机构类别', kind: 'text' },
      { key: 'grade', label: '医院等级', kind: 'text' },
      { key: 'beds', label: '护理床位数', kind: 'count' },
      { key: 'designated_from', label: '定点开始日期', kind: 'text' },
    ],
    rows: r.map((x) => ({
      ...x,
      city_name: cityName(x.city),
      district: districtOf(x),
      category: CATEGORY_LABELS[String(x.category)] ?? String(x.category),
      grade: gradeLabel(x.grade as number | null),
    })),
    note: '名单为数据截至日仍在定点协议期内的机构；定点机构为组织机构，名称依法公开。',
  });
}
