// Chinese labels for the codes the marts and the policy catalog hold in English
// (vocabulary/labels.ts). Review finding: reconciliation checks and policy parameters were shown raw.
import { describe, expect, test } from 'vitest';
import { checkDetail, checkLabel, labelOf, paramLabel, paramValue, REJECT_RULES, SEVERITIES } from '../../vocabulary/index.ts';
import { ltciSql } from '../support/demoWarehouse.ts';

const LATIN_WORD = /[A-Za-z]{2,}/;

describe('labels', () => {
  test('checks, severities and rules in Chinese; an unknown code falls back to itself', () => {
    expect(checkLabel('closing balances = opening balances + sum of net')).toBe('期末累计结余 = 期初结余 + 各月当期结余');
    expect(checkLabel('a new check')).toBe('a new check');
    expect(checkDetail('a new check', 'its detail')).toBe('its detail');
    expect(labelOf(SEVERITIES, 'warn')).toBe('需关注');
    expect(labelOf(REJECT_RULES, 'cert_checksum')).toBe('证件号码校验码错误');
    expect(labelOf(REJECT_RULES, 'new_rule')).toBe('new_rule');
  });
  test('policy parameters word by word, values decoded', () => {
    expect(paramLabel('service.home_visit.monthly_cap')).toBe('服务·居家上门护理·月度支付限额（元）');
    expect(paramLabel('financing.fiscal.2024-01-01.amount')).toBe('筹资·财政补助·自2024-01-01·金额（元/人·年）');
    expect(paramLabel('pilot_city.上海市.city')).toBe('国家试点城市·上海市·城市代码');
    expect(paramLabel('pilot_city.0.batch')).toBe('国家试点城市·第1项·批次');
    expect(paramLabel('waiting_period_months')).toBe('断缴等待期（月）');
    expect(paramLabel('brand_new.thing')).toBe('brand_new·thing');
    expect(paramValue('daily_rate')).toBe('按床日定额');
    expect(paramValue('inst_medical, inst_elderly, community_day, home_visit')).toBe('医疗机构护理床位、养老机构护理床位、社区日间照护、居家上门护理');
    expect(paramValue('另行制定')).toBe('另行制定');
  });
  test('for a reader, area codes become names and dates 2024年1月1日; without the options, as before', () => {
    const names = { '320800': '淮安市', '370811': '任城区' };
    expect(paramLabel('area.370811', { names })).toBe('试点区域·任城区');
    expect(paramLabel('area.370811')).toBe('试点区域·370811');
    expect(paramLabel('city', { names })).toBe('城市');
    expect(paramLabel('financing.fiscal.2024-01-01.amount', { zhDates: true })).toBe('筹资·财政补助·自2024年1月1日·金额（元/人·年）');
    expect(paramValue('320800 淮安市（全市）', { names })).toBe('淮安市（全市）');
    expect(paramValue('320800', { names })).toBe('淮安市');
    expect(paramValue('320800')).toBe('320800');
    expect(paramValue('999999', { names })).toBe('999999');
    expect(paramValue('2023-10-01', { zhDates: true })).toBe('2023年10月1日');
    expect(paramValue('2023-10-01')).toBe('2023-10-01');
  });
  test('every check and every policy parameter in the demo warehouse has a Chinese label', () => {
    const db = process.env.LTCI_TEST_DB!;
    const checks = ltciSql(db, 'select distinct check_name from mart_reconciliation').map((r) => String(r.check_name));
    expect(checks.length).toBeGreaterThan(10);
    expect(checks.filter((c) => checkLabel(c) === c || LATIN_WORD.test(checkLabel(c)))).toEqual([]);
    const params = ltciSql(db, 'select distinct param, value from policy_source');
    expect(params.map((r) => paramLabel(String(r.param))).filter((l) => LATIN_WORD.test(l))).toEqual([]);
    expect(params.map((r) => paramValue(r.value === null ? null : String(r.value))).filter((v) => LATIN_WORD.test(v))).toEqual([]);
    const rules = ltciSql(db, 'select distinct rule from load_rejects').map((r) => String(r.rule));
    expect(rules.filter((r) => labelOf(REJECT_RULES, r) === r)).toEqual([]);
  });
});
