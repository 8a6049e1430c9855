// 政策参数及依据条款 (policy_source): every parameter in words, with its document and clause;
// assumed values marked, with why.
import type { DuckDBConnection } from '@duckdb/node-api';
import { paramLabel, paramValue, SCHEMES } from '../../../vocabulary/index.ts';
import { publicTable, rows, type PublicTable } from './table.ts';

export async function policyParameters(conn: DuckDBConnection): Promise<PublicTable> {
  const r = await rows(conn, `
    select
        s.policy_id, p.city_name, p.scheme, s.param, s.value, s.document_no, s.clause, s.assumed, s.assumed_why,
    from policy_source as s
    left join policy_scheme as p using (policy_id)
    order by p.city, s.policy_id, s.param`);
  return publicTable({
    name: 'policy-parameters',
    title: '政策参数及依据条款',
    columns: [
      { key: 'city_name', label: '城市', kind: 'text' },
      { key: 'scheme', label: '险种', kind: 'text' },
      { key: 'param', label: '参数', kind: 'text' },
      { key: 'value', label: '取值', kind: 'text' },
      { key: 'document_no', label: '文号', kind: 'text' },
      { key: 'clause', label: '依据条款', kind: 'text' },
      { key: 'assumed', label: '是否假设', kind: 'text' },
      { key: 'assumed_why', label: '假设说明', kind: 'text' },
    ],
    rows: r.map((x) => ({
      ...x,
      scheme: x.scheme === null ? null : SCHEMES[String(x.scheme)] ?? String(x.scheme),
      param: paramLabel(String(x.param)),
      value: paramValue(x.value as string | null),
      assumed: x.assumed ? '是' : '否',
    })),
    note: '“是否假设”为“是”的参数在政策文件中未找到明文，系本系统按说明取值。',
  });
}
