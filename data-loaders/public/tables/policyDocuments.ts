// 长期护理保险政策文件 (policy_scheme): every city scheme's document and when it applies.
import type { DuckDBConnection } from '@duckdb/node-api';
import { SCHEMES } from '../../../vocabulary/index.ts';
import { publicTable, rows, type PublicTable } from './table.ts';

export async function policyDocuments(conn: DuckDBConnection): Promise<PublicTable> {
  const r = await rows(conn, `
    select
        policy_id, city, city_name, province, scheme,
        strftime(effective_from, '%Y-%m-%d') as effective_from,
        strftime(effective_to, '%Y-%m-%d') as effective_to,
        document_no, document_title,
    from policy_scheme
    order by city, scheme, effective_from`);
  return publicTable({
    name: 'policy-documents',
    title: '长期护理保险政策文件',
    columns: [
      { key: 'city_name', label: '城市', kind: 'text' },
      { key: 'province', label: '省份', kind: 'text' },
      { key: 'scheme', label: '险种', kind: 'text' },
      { key: 'document_no', label: '文号', kind: 'text' },
      { key: 'document_title', label: '文件名称', kind: 'text' },
      { key: 'effective_from', label: '施行日期', kind: 'text' },
      { key: 'effective_to', label: '有效期至', kind: 'text' },
    ],
    rows: r.map((x) => ({ ...x, scheme: x.scheme === null ? null : SCHEMES[String(x.scheme)] ?? String(x.scheme) })),
  });
}
