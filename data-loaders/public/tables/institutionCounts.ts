// 定点护理服务机构数（按区县和类别） (mart_public_institution_district): the institutions designated on
// the data's as-of date; counts of organisations, not of persons, so not suppressed.
import type { DuckDBConnection } from '@duckdb/node-api';
import { CATEGORY_LABELS, districtOf } from './institutions.ts';
import { cityNames, publicTable, rows, type PublicTable } from './table.ts';

export async function institutionCounts(conn: DuckDBConnection): Promise<PublicTable> {
  const cityName = await cityNames(conn);
  const r = await rows(conn, `
    select city, admdvs, district_name, is_district, category, institutions, beds,
    from mart_public_institution_district
    order by city, admdvs, category`);
  return publicTable({
    name: 'institution-counts',
    title: '定点护理服务机构数（按区县和类别）',
    columns: [
      { key: 'city_name', label: '城市', kind: 'text' },
      { key: 'district', label: '区县', kind: 'text' },
      { key: 'admdvs', label: '医保区划', kind: 'text' },
      { key: 'category', label: '机构类别', kind: 'text' },
      { key: 'institutions', label: '机构数', kind: 'count' },
      { key: 'beds', label: '护理床位数', kind: 'count' },
    ],
    rows: r.map((x) => ({
      ...x,
      city_name: cityName(x.city),
      district: districtOf(x),
      category: CATEGORY_LABELS[String(x.category)] ?? String(x.category),
    })),
    note: '数据截至日仍在定点协议期内的机构；机构数为组织机构计数，不涉及个人，不作隐藏。',
  });
}
