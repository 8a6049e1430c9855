// Chinese names of the fund marts' columns: chart legends, table and CSV headers, the report's item
// lines (mart_fund_item_monthly.item) and the public site's headers.
export const INCOME_SOURCES: [string, string][] = [
  ['income_individual', '个人缴费'],
  ['income_medical_fund', '医保基金划拨'],
  ['income_fiscal', '财政补助'],
  ['income_employer', '单位缴费'],
  ['income_other', '其他收入'],
];

export const EXPENDITURE_KINDS: [string, string][] = [
  ['expenditure_benefits', '待遇支出'],
  ['expenditure_assessment', '评估费支出'],
  ['expenditure_operator', '经办服务费'],
  ['expenditure_other', '其他支出'],
];

export const FUND_LABELS: Record<string, string> = {
  city: '城市代码',
  city_name: '城市',
  scheme: '险种',
  month: '月份',
  year: '年度',
  ...Object.fromEntries(INCOME_SOURCES),
  income_total: '基金收入合计',
  ...Object.fromEntries(EXPENDITURE_KINDS),
  expenditure_total: '基金支出合计',
  net: '当期结余',
  cumulative_balance: '累计结余',
  balance_end: '年末累计结余',
  surplus_rate: '当期结余率',
  months_payable: '可支付月数',
  surplus_status: '结余状态',
};
