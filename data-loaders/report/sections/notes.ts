// 数据说明: whether the report's figures are provisional or final, the data's dates (mart_data_period)
// and the latest load (mart_load_batch), and how amounts are written.
import { day, MONTH_STATUS, month as monthLabel } from '../../../vocabulary/index.ts';
import { rows, type Ctx } from '../context.ts';
import { SETTLEMENT_LAG_MONTHS } from '../monthStatus.ts';
import type { MonthStatus, Row, Section } from '../types.ts';

export const AMOUNT_NOTE = '金额单位：网页版和打印版以万元为单位，保留两位小数，由精确到分的元数四舍五入，分项之和与合计可能相差0.01万元；电子表格版以元为单位，精确到分，合计由数据仓库按分项求和。人均筹资、人均月基金支付等人均金额以元为单位。';

export async function notesSection(ctx: Ctx, n: { month: string; lastMonth: string; status: MonthStatus; asOfDate: string | null; period: string }): Promise<Section> {
  const loads = ctx.tables.has('mart_load_batch')
    ? await rows(ctx.conn, `select strftime(loaded_at, '%Y-%m-%d') as last_load from mart_load_batch order by loaded_at desc limit 1`)
    : [];
  const asOf = n.asOfDate ? `最近结算日期 ${day(n.asOfDate)}` : `最新月份 ${monthLabel(n.lastMonth)}`;
  const which = n.period.length === 4 ? `本年最后一个报告月（${monthLabel(n.month)}）` : '本月';
  const statusText = n.status === 'provisional'
    ? `${MONTH_STATUS.provisional}：${which}在该市最近结算月份之前 ${SETTLEMENT_LAG_MONTHS} 个月以内或之后（${asOf}）。结算通常在服务月后 ${SETTLEMENT_LAG_MONTHS} 个月内报送，后续数据可能补报本月及以前服务月份的结算，数字会变动。`
    : `${MONTH_STATUS.final}：该市数据已包含${which}之后 ${SETTLEMENT_LAG_MONTHS} 个月以上的结算（${asOf}），数字不再因补报而变动（更正数据除外）。`;
  const rowsOut: Row[] = [
    { item: n.period.length === 4 ? '报告年度' : '报告月份', value: n.period.length === 4 ? `${n.period}年（截至${monthLabel(n.month)}）` : monthLabel(n.month) },
    { item: '数据状态', value: MONTH_STATUS[n.status] },
    { item: '数据截至（最近结算日期）', value: n.asOfDate ? day(n.asOfDate) : '—' },
    { item: '该市数据最新月份', value: monthLabel(n.lastMonth) },
    ...(loads[0] ? [{ item: '最近一次导入', value: loads[0].last_load ? day(String(loads[0].last_load)) : '—' }] : []),
  ];
  return {
    id: 'notes',
    title: '数据说明',
    notes: [
      statusText,
      `口径：基金收支为收付实现制。${AMOUNT_NOTE}`,
      '来源：医保部门参保缴费、失能评估、定点机构、护理费用结算和基金台账数据，经长护险基金数据仓库（ltci）校验、入库和建模后生成。',
    ],
    tables: [{
      id: 'data-notes',
      title: '数据时点',
      columns: [
        { key: 'item', label: '项目', kind: 'text' },
        { key: 'value', label: '内容', kind: 'text' },
      ],
      rows: rowsOut,
    }],
  };
}
