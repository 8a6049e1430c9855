// The policy catalog: the real policies/*.json load, every value is sourced (clause quoted verbatim
// from its seed document) or marked assumed, and bad files fail naming file and field.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withWarehouse } from '../../data-loaders/db.ts';
import { POLICY_DIR, PolicyFileError, loadPolicyCatalog, readPolicyCatalog } from '../../data-loaders/policy/index.ts';

const SEEDS = join(import.meta.dirname, 'fixtures', 'seeds');
const squash = (s: string) => s.replace(/\s+/g, '');
/** Seed text by the document number the policy files cite. */
const SEED_OF_DOC: Record<string, string> = {
  '淮政规〔2023〕2号': 'huaian-employee-ltci-2023.txt',
  '连云港市城乡居民纳入长期护理保险通知（征求意见稿）': 'lianyungang-resident-ltci-draft.txt',
  '宁政发〔2021〕10号': 'nanjing-care-insurance-2021.txt',
  '济宁市居民长期护理保险试点通知（2022）': 'jining-resident-ltci-pilot-2022.txt',
  '医保发〔2020〕37号': 'national-ltci-pilot-expansion-2020.txt',
};

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ltci-policy-'));
  db = join(dir, 'w.duckdb');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the policy catalog from policies/', () => {
  const catalog = readPolicyCatalog();

  it('quotes every sourced clause verbatim from the document it names', () => {
    const checked = catalog.source.filter((s) => !s.assumed);
    expect(checked.length).toBeGreaterThan(100);
    for (const s of checked) {
      const seed = SEED_OF_DOC[s.document_no];
      expect(seed, `${s.policy_id} ${s.param}: unknown document ${s.document_no}`).toBeDefined();
      const text = squash(readFileSync(join(SEEDS, seed), 'utf8'));
      expect(text.includes(squash(s.clause!)), `${s.policy_id} ${s.param}: clause not in ${seed}: ${s.clause}`).toBe(true);
    }
  });

  it('marks every value without a clause as assumed, with why', () => {
    for (const s of catalog.source) {
      if (s.assumed) expect(s.assumed_why?.length ?? 0, `${s.policy_id} ${s.param}`).toBeGreaterThan(5);
      else expect(s.clause?.length ?? 0, `${s.policy_id} ${s.param}`).toBeGreaterThan(3);
    }
    // The Huai'an prices are 另行制定: every Huai'an rate is assumed.
    const huaianRates = catalog.source.filter((s) => s.policy_id === 'huaian-employee-2023' && /\.rate$/.test(s.param));
    expect(huaianRates).toHaveLength(5);
    expect(huaianRates.every((s) => s.assumed)).toBe(true);
  });

  it('has a source row for every value in every catalog table', async () => {
    await withWarehouse(db, async ({ conn }) => {
      await loadPolicyCatalog(conn);
      const missing = await queryRows(conn, `
        with services as (
            select policy_id, 'service.' || service_type || coalesce('.grade' || hospital_grade, '') as p, *
            from policy_service
        ),
        params as (
            select policy_id, unnest(['city', 'city_name', 'province', 'scheme', 'effective_from', 'effective_to', 'single_account',
                'min_level', 'min_disability_months', 'benefit_start_offset_days', 'reassessment_months', 'waiting_period_months',
                'assessment_fee_from_fund', 'operator_fee_ratio']) as param from policy_scheme
            union all select policy_id, 'financing.' || component || '.' || effective_from || '.amount' from policy_financing
            union all select policy_id, 'area.' || admdvs from policy_area
            union all select policy_id, p || '.method' from services
            union all select policy_id, p || '.rate' from services where rate is not null
            union all select policy_id, p || '.ratio' from services where ratio is not null
            union all select policy_id, p || '.monthly_cap' from services where monthly_cap is not null
            union all select policy_id, p || '.hours_per_visit' from services where hours_per_visit is not null
            union all select policy_id, p || '.min_visits_per_month' from services where min_visits_per_month is not null
        )
        select * from params anti join policy_source using (policy_id, param)`);
      expect(missing).toEqual([]);
      const unsourced = await queryRows(conn, `select * from policy_source where not assumed and (clause is null or document_no is null) or assumed and assumed_why is null`);
      expect(unsourced).toEqual([]);
    });
  });

  it('holds the seed figures: financing, rates, ratios', async () => {
    await withWarehouse(db, async ({ conn }) => {
      await loadPolicyCatalog(conn);
      const financing = await queryRows(conn, `
        select s.policy_id, d.day::varchar as day, sum(f.amount)::varchar as per_person_year
        from policy_scheme as s
        cross join (values (date '2023-11-01'), (date '2024-06-01'), (date '2027-06-01')) as d(day)
        join policy_financing as f on f.policy_id = s.policy_id
            and d.day between f.effective_from and coalesce(f.effective_to, date '9999-12-31')
        where s.city in ('320800', '320700', '370800')
        group by all order by all`);
      expect(financing).toEqual([
        // 2023年…医保基金每人划拨60元; then 80 = 10 + 60 + 10
        { policy_id: 'huaian-employee-2023', day: '2023-11-01', per_person_year: '60.00' },
        { policy_id: 'huaian-employee-2023', day: '2024-06-01', per_person_year: '80.00' },
        { policy_id: 'huaian-employee-2023', day: '2027-06-01', per_person_year: '80.00' },
        // 30 = 25 + 5
        { policy_id: 'jining-resident-2022', day: '2023-11-01', per_person_year: '30.00' },
        { policy_id: 'jining-resident-2022', day: '2024-06-01', per_person_year: '30.00' },
        { policy_id: 'jining-resident-2022', day: '2027-06-01', per_person_year: '30.00' },
        // 40 = 20 + 20, from 2026-10
        { policy_id: 'lianyungang-resident-2026', day: '2027-06-01', per_person_year: '40.00' },
      ]);
      const services = await queryRows(conn, `
        select service_type, method, rate::varchar as rate, ratio::varchar as ratio, hospital_grade, monthly_cap::varchar as cap, hours_per_visit::varchar as hpv, min_visits_per_month as minv
        from policy_service where policy_id in ('lianyungang-resident-2026', 'jining-resident-2022') order by policy_id, service_type, hospital_grade`);
      expect(services).toEqual([
        { service_type: 'home_medical_nursing', method: 'ratio', rate: null, ratio: '0.7000', hospital_grade: null, cap: null, hpv: null, minv: null },
        { service_type: 'inst_medical_nursing', method: 'ratio', rate: null, ratio: '0.6500', hospital_grade: null, cap: null, hpv: null, minv: null },
        { service_type: 'medical_special', method: 'ratio', rate: null, ratio: '0.7000', hospital_grade: 1, cap: null, hpv: null, minv: null },
        { service_type: 'medical_special', method: 'ratio', rate: null, ratio: '0.6500', hospital_grade: 2, cap: null, hpv: null, minv: null },
        { service_type: 'medical_special', method: 'ratio', rate: null, ratio: '0.6000', hospital_grade: 3, cap: null, hpv: null, minv: null },
        { service_type: 'community_day', method: 'daily_rate', rate: '20.00', ratio: null, hospital_grade: null, cap: null, hpv: null, minv: null },
        { service_type: 'home_visit', method: 'hourly_rate', rate: '30.00', ratio: null, hospital_grade: null, cap: '600.00', hpv: '2.00', minv: 10 },
        { service_type: 'inst_elderly', method: 'daily_rate', rate: '40.00', ratio: null, hospital_grade: null, cap: null, hpv: null, minv: null },
        { service_type: 'inst_medical', method: 'daily_rate', rate: '50.00', ratio: null, hospital_grade: null, cap: null, hpv: null, minv: null },
      ]);
      const schemes = await queryRows(conn, `select policy_id, single_account, waiting_period_months, reassessment_months, assessment_fee_from_fund, operator_fee_ratio::varchar as op, benefits_from::varchar as bf from policy_scheme order by policy_id`);
      // 连云港: “2026年12月1日起，受理失能等级评估申请，落地城乡居民长期护理保险待遇。”
      expect(schemes.find((s) => s.policy_id === 'lianyungang-resident-2026')).toEqual({ policy_id: 'lianyungang-resident-2026', single_account: true, waiting_period_months: 6, reassessment_months: null, assessment_fee_from_fund: false, op: null, bf: '2026-12-01' });
      expect(schemes.find((s) => s.policy_id === 'jining-resident-2022')).toMatchObject({ assessment_fee_from_fund: true, op: '0.0200' });
      expect(schemes.find((s) => s.policy_id === 'huaian-employee-2023')).toMatchObject({ reassessment_months: 12 });
      // 连云港's residents join the employee fund's account (统一建账, 连政发〔2023〕26号): the account is older than
      // the residents' policy, its start assumed (the seed gives the document's year only).
      const starts = await queryRows(conn, `select policy_id, fund_from::varchar as fund_from from policy_scheme where fund_from is not null`);
      expect(starts).toEqual([{ policy_id: 'lianyungang-resident-2026', fund_from: '2023-01-01' }]);
      const source = async (policy: string, param: string) => (await queryRows(conn, `select clause, assumed, assumed_why from policy_source where policy_id = '${policy}' and param = '${param}'`))[0];
      expect(await source('lianyungang-resident-2026', 'fund_from')).toMatchObject({ clause: null, assumed: true });
      expect(String((await source('lianyungang-resident-2026', 'fund_from')).assumed_why)).toContain('连政发〔2023〕26号');
      // 济宁 single_account: “基金单独建账” keeps the LTCI fund apart from other funds; whether residents and employees share
      // one account is not said: assumed.
      expect(await source('jining-resident-2022', 'single_account')).toMatchObject({ clause: null, assumed: true });
      // 淮安's individual and fiscal amounts cite the amount clause; their start (2024) the 2023 waiver.
      for (const c of ['individual', 'fiscal']) {
        expect((await source('huaian-employee-2023', `financing.${c}.2024-01-01.amount`)).clause).toBe('筹资标准为每人每年80元，其中个人缴费10元、职工医保统筹基金划拨60元、市县区财政补助10元。');
        expect((await source('huaian-employee-2023', `financing.${c}.2024-01-01.effective_from`)).clause).toBe('2023年个人缴费部分免于缴纳、财政补助部分免于补助，医保基金每人划拨60元。');
      }
      // 济宁's 医疗专护 ratios quote the clause whole, to the person's share.
      expect((await source('jining-resident-2022', 'service.medical_special.grade3.ratio')).clause).toBe('在一、二、三级协议管理医疗机构发生的医疗专护费用长期护理保险资金支付比例分别为70%、65%、60%，机构医疗护理费用长期护理保险资金支付比例为65%，居家医疗护理费用长期护理保险资金支付比例为70%，其余费用由个人负担。');
      const areas = await queryRows(conn, `select admdvs from policy_area where policy_id = 'jining-resident-2022' order by admdvs`);
      expect(areas.map((a) => a.admdvs)).toEqual(['370811', '370812', '370828', '370830', '370881', '370883']);
    });
  });

  it('lists the 49 national pilot cities with province: 14 new, 35 original (15 of the 2016 first batch, 20 of 吉林 and 山东)', async () => {
    await withWarehouse(db, async ({ conn }) => {
      await loadPolicyCatalog(conn);
      const rows = await queryRows(conn, `select batch, count(*)::int as n, count(city)::int as with_code from national_pilot_city group by batch order by batch`);
      // 人社厅发〔2016〕80号: 15 cities plus 吉林 and 山东 as key-contact provinces (长春 and 青岛 among the 15).
      expect(rows).toEqual([{ batch: '2016', n: 15, with_code: 14 }, { batch: '2020', n: 14, with_code: 13 }, { batch: 'key_province', n: 20, with_code: 18 }]);
      const first = await queryRows(conn, `select city_name from national_pilot_city where batch = '2016' and province in ('吉林省', '山东省') order by city_name`);
      expect(first.map((r) => r.city_name)).toEqual(['长春市', '青岛市']);
      // 济宁's own scheme dates from 济政办发〔2018〕33号 (cited by its 2022 notice).
      const jining = await queryRows(conn, `select province, batch, city, scheme_from, scheme_document from national_pilot_city where city_name = '济宁市'`);
      expect(jining).toEqual([{ province: '山东省', batch: 'key_province', city: '370800', scheme_from: '2018', scheme_document: '济政办发〔2018〕33号' }]);
      const national = await queryRows(conn, `select fund_share_target::varchar as t, min_disability_months as m from policy_national`);
      expect(national).toEqual([{ t: '0.7000', m: 6 }]);
    });
  });
});

describe('a bad policy file', () => {
  const lyg = JSON.parse(readFileSync(join(POLICY_DIR, 'lianyungang-resident-2026.json'), 'utf8'));
  const cases: [string, (p: any) => void, RegExp][] = [
    ['unknown service type', (p) => { p.services[0].service_type = 'spa_day'; }, /field services\[0\]\.service_type: unknown service type "spa_day"/],
    ['a value without source', (p) => { p.min_level = 3; }, /field min_level: value without source/],
    ['an assumed value without why', (p) => { p.min_level = { value: 3, assumed: true }; }, /field min_level\.why: an assumed value must say why/],
    ['a ratio outside 0..1', (p) => { p.services = [{ service_type: 'inst_medical', method: 'ratio', ratio: '1.5', source: { clause: 'x' } }]; }, /field services\[0\]\.ratio: a ratio must lie between 0 and 1/],
    ['a typo in a field name', (p) => { p.min_levle = p.min_level; }, /field min_levle: unknown field/],
    ['overlapping financing periods', (p) => { p.financing.push({ ...p.financing[0], amount: '25' }); }, /field financing\[2\]\.effective_from: individual .* overlaps/],
  ];
  for (const [name, mutate, message] of cases) {
    it(`fails naming the file and field: ${name}`, () => {
      const d = mkdtempSync(join(tmpdir(), 'ltci-badpolicy-'));
      try {
        const p = structuredClone(lyg);
        mutate(p);
        writeFileSync(join(d, 'lianyungang-resident-2026.json'), JSON.stringify(p));
        expect(() => readPolicyCatalog(d)).toThrow(PolicyFileError);
        expect(() => readPolicyCatalog(d)).toThrow(/policy file lianyungang-resident-2026\.json: /);
        expect(() => readPolicyCatalog(d)).toThrow(message);
      } finally {
        rmSync(d, { recursive: true, force: true });
      }
    });
  }

  it('fails naming both files when two periods of one city and scheme overlap', () => {
    const d = mkdtempSync(join(tmpdir(), 'ltci-badpolicy-'));
    try {
      writeFileSync(join(d, 'a.json'), JSON.stringify(lyg));
      const later = structuredClone(lyg);
      later.policy_id = 'lianyungang-resident-2028';
      later.effective_from = { value: '2028-01-01', clause: 'x' };
      later.benefits_from = { value: '2028-01-01', clause: 'x' };
      writeFileSync(join(d, 'b.json'), JSON.stringify(later));
      expect(() => readPolicyCatalog(d)).toThrow(/policy file b\.json: field effective_from: 320700 resident 2028-01-01 – open overlaps 2026-10-01 – open in a\.json/);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('fails naming the file when it is not JSON', () => {
    const d = mkdtempSync(join(tmpdir(), 'ltci-badpolicy-'));
    try {
      writeFileSync(join(d, 'broken.json'), '{"kind": ');
      expect(() => readPolicyCatalog(d)).toThrow(/policy file broken\.json: field \(top level\): not valid JSON/);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
