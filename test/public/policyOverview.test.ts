// 政策一览 on the policy catalog as loaded into the shared test warehouse: the sentences a citizen
// reads, each with the clause it rests on — quoted here from the seed documents.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { withWarehouse } from '../../data-loaders/db.ts';
import { policyOverview } from '../../data-loaders/public/tables/policyOverview.ts';
import { sharedWarehouse } from '../support/demoWarehouse.ts';

const wh = sharedWarehouse('ltci-policy-');
afterAll(() => rmSync(wh.tmp, { recursive: true, force: true }));
const rowsOf = async () => withWarehouse(wh.db, async ({ conn }) => (await policyOverview(conn)).rows, { readOnly: true });

describe('policyOverview', () => {
  it('answers the four questions for 连云港 residents from the document, clause by clause', async () => {
    const rows = (await rowsOf()).filter((r) => r.city === '320700');
    const said = (item: string) => rows.find((r) => r.item === item);
    expect(rows.map((r) => r.topic).filter((t, i, a) => a.indexOf(t) === i)).toEqual(['参保对象', '缴费标准', '享受条件', '基金支付标准']);
    // “其中个人缴费每人每年20元，政府补助每人每年20元。”
    expect(said('个人缴费')).toMatchObject({ text: '每人每年20元', basis: '其中个人缴费每人每年20元，政府补助每人每年20元。', assumed: '否' });
    expect(said('人均筹资')).toMatchObject({ text: '每人每年共40元', basis: '起步阶段按照每人每年40元的标准筹集。' });
    // “对存在中断参保缴费情形的人员，设置6个月待遇等待期。”
    expect(said('断缴等待期')).toMatchObject({ text: '中断参保缴费的，恢复缴费后6个月内不享受待遇', basis: '对存在中断参保缴费情形的人员，设置6个月待遇等待期。' });
    // home visits: 30 元 an hour, 2 hours a visit, at least 10 visits, at most 600 元 a month
    expect(said('居家上门护理')?.text).toBe('每小时30元，每次上门2小时，每月至少上门10次，每月最多600元');
    expect(String(said('居家上门护理')?.basis)).toMatch(/^居家接受定点护理机构上门提供护理服务的，每次服务时长2小时/);
    expect(said('医疗机构护理床位')).toMatchObject({ text: '每天50元', document_no: '连云港市城乡居民纳入长期护理保险通知（征求意见稿）' });
  });

  it('says where a document is silent and the site reads it (济宁: the level; 南京: the contributions)', async () => {
    const rows = await rowsOf();
    const jiningLevel = rows.find((r) => r.city === '370800' && r.item === '失能等级')!;
    expect(jiningLevel).toMatchObject({ assumed: '是', text: '经失能评估认定为重度失能一级（3级）及以上' });
    expect(String(jiningLevel.basis)).toMatch(/^文件未见明文，本站按此理解：/);
    // ratios: “居家医疗护理费用长期护理保险资金支付比例为70%，其余费用由个人负担。”
    expect(rows.find((r) => r.city === '370800' && r.item === '居家医疗护理')).toMatchObject({ text: '按费用的70%支付，其余由个人负担', assumed: '否' });
    expect(rows.filter((r) => r.city === '320100' && r.topic === '缴费标准' && r.assumed === '是').length).toBeGreaterThan(0);
  });
});
