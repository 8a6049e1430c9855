// The projection on a tiny fund (test/projection/tinyFund.ts), computed by hand: two age bands
// (80–84, 85+), one service type, horizon 2 years, base year 2027.
import { describe, expect, it } from 'vitest';
import { runModels } from '../../data-loaders/models.ts';
import { recordProjection } from '../../data-loaders/projection/history.ts';
import { project, toText, type Band, type Cell, type FundBase, type Scenario } from '../../src/components/projection.ts';
import { projectionData } from '../../src/data/lib/projection.ts';
import { buildFixture, failedTests, insert } from '../marts/fixture.ts';
import { seedTinyFund, T } from './tinyFund.ts';

const TEST = { scenario: 'test', prevalence_shift: '0.10', unit_cost_growth: '0.05' };
const NO_CHANGE = { scenario: 'no_change', population: 'held' as const };

describe('the base year of the tiny fund', () => {
  it('counts participants, flows, prevalence and ratios as stated', async () => {
    await buildFixture(seedTinyFund([NO_CHANGE, TEST]), async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      // 2027: band 80 = F1 (83), F6 (81); band 85+ = F2 (85), F3 (89). 2026: band 80 = F1, F2 (84), F4;
      // band 85+ = F3, F5. Continuing F1, F2 (band 80 in 2026), F3; entrant F6.
      // Life-table survivors of 2026: 3 × 0.95 + 2 × 0.90 = 4.65; continuing 3 ⇒ w = 1 − 3 / 4.65 = 11/31.
      // stay 80 = 0.95 × 20/31 = 19/31 = 0.612903225806|45… → 0.612903225806; stay 85+ = 0.90 × 20/31
      // = 18/31 = 0.580645161290|32… → 0.580645161290; entry 80 = 1 entrant / 5 of 2026 = 0.2.
      expect(await rows(`select age_from, participants, entrants, previous_participants, continuing, withdrawal_rate, stay_rate, entry_rate
          from int_projection_cohorts where base_year = 2027 and sex = 'female' order by age_from`)).toEqual([
        { age_from: 80, participants: '2', entrants: '1', previous_participants: '3', continuing: '2', withdrawal_rate: '0.354839', stay_rate: '0.612903225806', entry_rate: '0.200000000000' },
        { age_from: 85, participants: '2', entrants: '0', previous_participants: '2', continuing: '1', withdrawal_rate: '0.354839', stay_rate: '0.580645161290', entry_rate: '0.000000000000' },
      ]);
      // Beneficiary-months: F1 Jul–Sep (band 80, level 3), F3 Jan–Jun (band 85+, level 4): prevalence
      // 3 / (12 × 2) = 0.125 and 6 / (12 × 2) = 0.25; 700 a month each, cash 6 300 = 9 × 700: calibration 1.
      expect(await rows(`select age_from, disability_level, beneficiary_months, participants, prevalence, paid_per_beneficiary_month
          from int_projection_prevalence where base_year = 2027 order by age_from`)).toEqual([
        { age_from: 80, disability_level: '3', beneficiary_months: '3', participants: '2', prevalence: '0.125000000000', paid_per_beneficiary_month: '700.000000000000' },
        { age_from: 85, disability_level: '4', beneficiary_months: '6', participants: '2', prevalence: '0.250000000000', paid_per_beneficiary_month: '700.000000000000' },
      ]);
      expect(await rows(`select disability_level, service_type, beneficiary_months, take_up, paid_per_beneficiary_month from int_projection_services where base_year = 2027 order by all`)).toEqual([
        { disability_level: '3', service_type: 'home_medical_nursing', beneficiary_months: '3', take_up: '1.000000', paid_per_beneficiary_month: '700.00' },
        { disability_level: '4', service_type: 'home_medical_nursing', beneficiary_months: '6', take_up: '1.000000', paid_per_beneficiary_month: '700.00' },
      ]);
      // Opening balance 2027 = 2026's: 150 + 20 000 − 20 = 20 130. Contributions 4 × 30 = 120 = 4 × 30 × 1;
      // operator 2.40 / 120 = 0.02; assessment 20 / 9 months = 2.222222222222; interest 4 / 4 persons = 1.
      expect(await rows(`select opening_balance, financing_per_head, participants, collection_ratio, operator_ratio, assessment_per_benefit_month, other_income_per_participant
          from mart_projection_funds where city = '${T}'`)).toEqual([
        { opening_balance: '20130.00', financing_per_head: '30.00', participants: '4.000000000000', collection_ratio: '1.000000000000', operator_ratio: '0.020000000000', assessment_per_benefit_month: '2.222222222222', other_income_per_participant: '1.000000000000' },
      ]);
      // Age-standardised: weights 0.91 (80–84) and 0.63 (85+) of the WHO standard:
      // (0.91 × 0.125 + 0.63 × 0.25) / 1.54 × 1000 = 271.25 / 1.54 = 176.14; crude 9 / 48 × 1000 = 187.50.
      expect(await rows(`select year, crude_rate_per_1000, standardised_rate_per_1000 from mart_city_standardised where year = 2027`)).toEqual([
        { year: 2027, crude_rate_per_1000: '187.50', standardised_rate_per_1000: '176.14' },
      ]);
    });
  });
});

describe('the projection of the tiny fund, by hand', () => {
  it('ages the cohorts and prices the years (prevalence +10 %, unit cost +5 % a year)', async () => {
    await buildFixture(seedTinyFund([NO_CHANGE, TEST]), async ({ rows }) => {
      // 2028, band 80: survivors 2 × 0.612903225806 = 1.225806451612; a fifth moves up: 0.245161290322(4);
      // entrants 0.2 × 4 = 0.8 ⇒ 1.225806451612 − 0.245161290322 + 0.8 = 1.780645161290.
      // band 85+: 2 × 0.580645161290 = 1.161290322580 + 0.245161290322 = 1.406451612902; total 3.187096774192.
      // 2029: band 80 1.091363163370 − 0.218272632674 + 0.2 × 3.187096774192 (0.637419354838) = 1.510509885534;
      // band 85+ 0.816649323620 + 0.218272632674 = 1.034921956294.
      expect(await rows(`select year, age_from, persons from int_projection_population where scenario = 'test' and base_year = 2027 and sex = 'female' order by year, age_from`)).toEqual([
        { year: 2027, age_from: 80, persons: '2.000000000000' }, { year: 2027, age_from: 85, persons: '2.000000000000' },
        { year: 2028, age_from: 80, persons: '1.780645161290' }, { year: 2028, age_from: 85, persons: '1.406451612902' },
        { year: 2029, age_from: 80, persons: '1.510509885534' }, { year: 2029, age_from: 85, persons: '1.034921956294' },
      ]);
      // 2028: demand 1.1, cost 1.05. Months: 1.780645161290 × 0.1375 × 12 = 2.938064516124 (band 80),
      // 1.406451612902 × 0.275 × 12 = 4.641290322576 (85+), 7.579354838700 in all; × 700 = 5 305.548387090.
      // benefits = 6 300 + (5 305.548387090 × 1.05 − 6 300) = 6 300 − 729.174193… = 5 570.83 (fen).
      // assessment = 20 + 2.222222222222 × (7.579354838700 × 1.05 − 9) = 20 − 2.3104… = 17.69.
      // contributions = 120 + 1 × (3.187096774192 × 30 − 120) = 120 − 24.387… = 95.61;
      // interest 4 + 1 × (3.187096774192 − 4) = 3.19; operator 2.40 + 0.02 × (95.61 − 120) = 1.91.
      // income 98.80, expenditure 5 570.83 + 17.69 + 1.91 = 5 590.43, balance 13 931.60 − 5 491.63 = 8 439.97;
      // months payable 8 439.97 × 12 / 5 590.43 = 18.12.
      // break-even: fixed contributions 120 − 1 × 4 × 30 = 0; (5 570.83 + 17.69 + 0 + 2.40 − 0.02 × 120 − 3.19)
      // / (0.98 × 1 × 3.187096774192) = 5 585.33 / 3.123354838708 = 1 788.25 a head.
      // 2029: demand 1.21, cost 1.1025: months 6.498342143592, modelled 4 548.8395005144;
      // benefits 6 300 + (5 015.0955… − 6 300) = 5 015.10; 5 032.55 spent, 78.91 in, balance 3 486.33 (8.31 months, reasonable).
      expect(await rows(`select year, participants, benefit_months, income_contributions, income_other, expenditure_benefits, expenditure_assessment,
          expenditure_operator, expenditure_total, balance_end, months_payable, surplus_status, break_even_per_head
          from mart_projection where scenario = 'test' order by year`)).toEqual([
        { year: 2027, participants: '4.0', benefit_months: '9.0', income_contributions: '120.00', income_other: '4.00', expenditure_benefits: '6300.00', expenditure_assessment: '20.00',
          expenditure_operator: '2.40', expenditure_total: '6322.40', balance_end: '13931.60', months_payable: '26.44', surplus_status: 'excessive', break_even_per_head: '1611.22' },
        { year: 2028, participants: '3.2', benefit_months: '7.6', income_contributions: '95.61', income_other: '3.19', expenditure_benefits: '5570.83', expenditure_assessment: '17.69',
          expenditure_operator: '1.91', expenditure_total: '5590.43', balance_end: '8439.97', months_payable: '18.12', surplus_status: 'excessive', break_even_per_head: '1788.25' },
        { year: 2029, participants: '2.5', benefit_months: '6.5', income_contributions: '76.36', income_other: '2.55', expenditure_benefits: '5015.10', expenditure_assessment: '15.92',
          expenditure_operator: '1.53', expenditure_total: '5032.55', balance_end: '3486.33', months_payable: '8.31', surplus_status: 'reasonable', break_even_per_head: '2015.80' },
      ]);
    });
  });

  it('no_change repeats the base year exactly; a surge in demand is capped at every participant', async () => {
    const SURGE = { scenario: 'surge', prevalence_shift: '3' };
    await buildFixture(seedTinyFund([NO_CHANGE, SURGE]), async ({ rows }) => {
      // no_change: 124.00 in and 6 322.40 out every year: 13 931.60 − 6 198.40 = 7 733.20, then 1 534.80.
      expect(await rows(`select year, income_total, expenditure_total, balance_end from mart_projection where scenario = 'no_change' order by year`)).toEqual([
        { year: 2027, income_total: '124.00', expenditure_total: '6322.40', balance_end: '13931.60' },
        { year: 2028, income_total: '124.00', expenditure_total: '6322.40', balance_end: '7733.20' },
        { year: 2029, income_total: '124.00', expenditure_total: '6322.40', balance_end: '1534.80' },
      ]);
      // surge: demand 4 then 16. 2028: band 85+ 0.25 × 4 = 1 (capped at exactly 1); 2029: both bands
      // capped, so the months are 12 × all participants: 12 × 2.545431841828 = 30.545182101936.
      expect(await rows(`select year, benefit_months from int_projection_years where scenario = 'surge' and base_year = 2027 and year = 2029`)).toEqual([
        { year: 2029, benefit_months: '30.545182101936' },
      ]);
    });
  });

  it('the browser engine gives the marts of the tiny fund, surge included', async () => {
    await buildFixture(seedTinyFund([NO_CHANGE, TEST, { scenario: 'surge', prevalence_shift: '3', benefit_level: '0.8', financing_growth: '0.03' }]), async ({ conn, rows }) => {
      const data = await projectionData(conn);
      const bands = (await rows(`select status, sort_order, basis, min_value::varchar as min_value, min_inclusive, max_value::varchar as max_value, max_inclusive from cfg_surplus_band`)) as unknown as Band[];
      const fund = data.funds[0] as unknown as FundBase;
      for (const s of data.summary) {
        const run = project(fund, data.inputs as unknown as Cell[], s as unknown as Scenario, bands, { min: String(s.healthy_min_months), max: String(s.healthy_max_months) });
        const sql = await rows(`select year, balance_end, expenditure_total, break_even_per_head from mart_projection where scenario = '${s.scenario}' order by year`);
        expect(run.years.map((y) => ({ year: y.year, balance_end: toText(y.balance_end), expenditure_total: toText(y.expenditure_total), break_even_per_head: toText(y.break_even_per_head) }))).toEqual(sql);
        expect([toText(run.healthy_financing_low), toText(run.healthy_financing_high)]).toEqual([s.healthy_financing_low, s.healthy_financing_high]);
      }
    });
  });
});

describe('the backtest and the recorded projections', () => {
  it('projects 2027 from 2026 and sets it beside what happened; keeps each build’s projection by as-of date', async () => {
    await buildFixture(seedTinyFund([NO_CHANGE, TEST]), async ({ conn, rows }) => {
      // From 2026 (no 2025: no exits but deaths, no entrants): 2027 participants 3 × 0.95 + 2 × 0.9 = 4.65;
      // contributions 150 + (4.65 × 30 − 150) = 139.50; the 20 000 donation held per participant:
      // 20 000 + 4 000 × (4.65 − 5) = 18 600; no benefits in 2026, so none projected: 20 (fees) spent.
      // Balance 20 130 + 18 739.50 − 20 = 38 849.50 against 13 931.60: (38 849.50 − 13 931.60) / 13 931.60 = +178.86 %.
      expect(await rows(`select kind, base_year, year, projected_income_total, actual_income_total, projected_balance_end, actual_balance_end, balance_error_pct
          from mart_projection_backtest where scenario = 'test'`)).toEqual([
        { kind: 'backtest', base_year: 2026, year: 2027, projected_income_total: '18739.50', actual_income_total: '124.00',
          projected_balance_end: '38849.50', actual_balance_end: '13931.60', balance_error_pct: '1.7886' },
      ]);
      // ltci build records mart_projection's projected years by the data's as-of date (2027-12-31);
      // a second build on the same data replaces them.
      expect(await recordProjection(conn)).toBe(4);
      expect(await recordProjection(conn)).toBe(4);
      expect(await rows(`select as_of::varchar as as_of, count(*) as n from projection_history group by all`)).toEqual([{ as_of: '2027-12-31', n: '4' }]);
      // A forecast an earlier build kept (as of 2026-12-31, from 2026) is set beside 2027's actuals.
      await insert(conn, 'projection_history', [{ as_of: '2026-12-31', recorded_at: '2027-01-05 00:00:00', city: T, scheme: 'resident', scenario: 'baseline', base_year: 2026, year: 2027,
        income_total: '130.00', expenditure_total: '6000.00', balance_end: '14260.00', months_payable: '28.52', surplus_status: 'excessive' }]);
      await runModels(conn);
      // (6 000 − 6 322.40) / 6 322.40 = −5.10 %
      expect(await rows(`select kind, as_of::varchar as as_of, year, projected_expenditure_total, expenditure_error_pct from mart_projection_backtest where kind = 'recorded'`)).toEqual([
        { kind: 'recorded', as_of: '2026-12-31', year: 2027, projected_expenditure_total: '6000.00', expenditure_error_pct: '-0.0510' },
      ]);
    });
  });
});
