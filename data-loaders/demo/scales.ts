// The three scales of `ltci demo`. `tiny` and `small` are the seed cities' whole history since
// each scheme started, at a share of the base population (cities.ts). `city` is one mature year:
// the four cities' most recent calendar year at about 5 million participants, home-visit-heavy,
// sized to the figures issues 4 and 8 give for "a large city's year". See docs/demo.md.

export type DemoScale = 'tiny' | 'small' | 'city';

export interface DemoShape {
  /** Multiplier on every cohort's base persons (cities.ts `persons`). */
  factor: number;
  /**
   * Deliver only the last calendar year of the simulation: enrolment of that year, settlements
   * and visits of its service months, the assessment history of its participants, and the
   * ledger from 1 January. The years before are simulated (beneficiaries are a mature stock on
   * 1 January), not written.
   */
  lastYearOnly: boolean;
  /** Take-up of the severely disabled by cohort (`city scheme` → share), replacing cities.ts where given. */
  takeUp: Record<string, number>;
  /** Probability a beneficiary uses a service in a month they are eligible. */
  monthlyUse: number;
  /** Home visits in a full month [min, max]; null = the policy's minimum (else 8) + 0–2, 15 % of months 4–8. */
  homeVisitsPerMonth: [number, number] | null;
  /** Multiplier on a cohort's persons (`city scheme` → weight, default 1). */
  cohortWeight: Record<string, number>;
  /** Service mix per cohort (`city scheme` → type → weight), replacing cities.ts where given. */
  mix: Record<string, Record<string, number>>;
  /** A second, concurrent service: share of beneficiaries whose main service is `primary`. */
  secondary: { primary: string; serviceType: string; share: number }[];
  /** Share of days a second-service day-care user attends [from, from + span). */
  secondaryDayCare: [number, number];
}

const HISTORY: Omit<DemoShape, 'factor'> = {
  lastYearOnly: false,
  takeUp: {},
  monthlyUse: 0.96,
  homeVisitsPerMonth: null,
  cohortWeight: {},
  mix: {},
  secondary: [],
  secondaryDayCare: [0.15, 0.2],
};

/** Home-visit-heavy mixes of the city year (home_visit first; Jining its medical-nursing mix). */
const CITY_YEAR_MIX: Record<string, Record<string, number>> = {
  '320800 employee': { home_family: 0.3, home_visit: 0.5, inst_elderly: 0.1, inst_medical: 0.1 },
  '320700 resident': { home_visit: 0.65, community_day: 0.1, inst_elderly: 0.15, inst_medical: 0.1 },
  '320100 employee': { home_visit: 0.65, community_day: 0.12, inst_elderly: 0.13, inst_medical: 0.1 },
  '320100 resident': { home_visit: 0.65, community_day: 0.12, inst_elderly: 0.15, inst_medical: 0.08 },
  '370800 resident': { home_medical_nursing: 0.45, inst_medical_nursing: 0.35, medical_special: 0.2 },
};

export const DEMO_SCALES: Record<DemoScale, DemoShape> = {
  tiny: { ...HISTORY, factor: 0.00094 },
  small: { ...HISTORY, factor: 0.22 },
  city: {
    factor: 4.3,
    lastYearOnly: true,
    // a mature pilot where most who qualify apply (sized with the 3.5-year survival of the severely
    // disabled so that beneficiaries are ≈ 1 % of participants)
    takeUp: { '320800 employee': 0.75, '320700 resident': 0.535, '320100 employee': 0.75, '320100 resident': 0.59, '370800 resident': 0.59 },
    monthlyUse: 0.98,
    homeVisitsPerMonth: [15, 27],
    // the large city (Nanjing) carries about 70 % of the participants
    cohortWeight: { '320100 employee': 1.75, '320100 resident': 1.75, '320700 resident': 0.45, '370800 resident': 0.4 },
    mix: CITY_YEAR_MIX,
    secondary: [
      // 机构上门护理 alongside 亲情服务 (淮安: “居家护理包括机构上门护理和亲情服务两个方面”)
      { primary: 'home_family', serviceType: 'home_visit', share: 0.9 },
      // day care on some days, agency visits on the others
      { primary: 'home_visit', serviceType: 'community_day', share: 0.7 },
      { primary: 'community_day', serviceType: 'home_visit', share: 0.9 },
    ],
    secondaryDayCare: [0.15, 0.2],
  },
};

/** The figures the `city` scale is sized to (issues 4 and 8: "a large city's year"). */
export const CITY_TARGETS = {
  enrolmentRows: 5_000_000,
  beneficiaries: 50_000,
  settlements: 600_000,
  visits: 5_000_000,
};
