// The demo's picture of each seed city: population, areas, behaviour and service mix.
// These are the generator's assumptions (stated in docs/demo.md), not policy parameters: rates,
// ratios, caps, financing, waiting periods and review intervals come from the policy catalog.
import { areaNameMap } from '../config.ts';

export interface DemoArea {
  admdvs: string;
  name: string;
  /** Share of the cohort living here. */
  weight: number;
  /** Whether the area is one the policy pays in (false = a county outside a pilot). */
  pilot: boolean;
}

export interface DemoCohort {
  city: string;
  cityName: string;
  scheme: 'employee' | 'resident';
  /** Persons enrolled at the start at factor 1 (the base population; scales.ts multiplies it). */
  persons: number;
  /** New entrants per year, as a share of the starting persons. */
  entrantRate: number;
  /** Leavers (moved away, left employment) per year, as a share. */
  exitRate: number;
  /** Share of the severely disabled who apply for an assessment. */
  takeUp: number;
  /** First day contributions are collected for the first year (null = with coverage). */
  collectionFrom: string | null;
  /** How contributions are paid: yearly in the previous Sep–Dec, in January, or not dated. */
  payment: 'prior_autumn' | 'january' | 'undated';
  /** First day assessment applications are accepted (null = the policy's start). */
  assessmentsFrom: string | null;
  /** First day benefits are paid (null = the policy's start). */
  benefitsFrom: string | null;
  /** Under-18s carry no contribution (连云港: 18周岁以下 … 暂不单独筹资). */
  minorsFree: boolean;
  /** Whether home-visit services leave check-in/check-out records (visit.csv). */
  visitRecords: boolean;
  /** Preferred service types and their weights; types the catalog does not pay are dropped. */
  serviceMix: Record<string, number>;
  /** Donations and lottery-fund grants per year at scale `city` (yuan), 0 = none. */
  lotteryPerYear: number;
  donationChance: number;
  areas: DemoArea[];
}

// Names from config/admdvs.json, the reference the warehouse uses too.
const AREA_NAMES = areaNameMap();
const area = (admdvs: string, weight: number, pilot = true): DemoArea => ({ admdvs, name: AREA_NAMES.get(admdvs) ?? admdvs, weight, pilot });

const HUAIAN_AREAS = [
  area('320803', 0.16), area('320804', 0.14), area('320812', 0.24),
  area('320813', 0.08), area('320826', 0.14), area('320830', 0.13), area('320831', 0.11),
];
const LIANYUNGANG_AREAS = [
  area('320703', 0.08), area('320706', 0.25), area('320707', 0.2),
  area('320722', 0.2), area('320723', 0.14), area('320724', 0.13),
];
const NANJING_AREAS = [
  area('320102', 0.07), area('320104', 0.1), area('320105', 0.07), area('320106', 0.13),
  area('320111', 0.1), area('320113', 0.1), area('320114', 0.06), area('320115', 0.2),
  area('320116', 0.08), area('320117', 0.05), area('320118', 0.04),
];
// 济宁: the six pilot counties (任城区 370811 … 汶上县 370830); the other counties are not in the pilot.
const JINING_AREAS = [
  area('370811', 0.26), area('370812', 0.15), area('370881', 0.14),
  area('370883', 0.2), area('370828', 0.13), area('370830', 0.12),
  area('370826', 0, false), area('370829', 0, false), area('370832', 0, false),
];

export const DEMO_COHORTS: DemoCohort[] = [
  {
    city: '320800', cityName: '淮安市', scheme: 'employee', persons: 120_000, entrantRate: 0.04, exitRate: 0.03, takeUp: 0.95,
    collectionFrom: null, payment: 'january', assessmentsFrom: null, benefitsFrom: null, minorsFree: false, visitRecords: true,
    serviceMix: { home_family: 0.3, home_visit: 0.3, inst_elderly: 0.22, inst_medical: 0.18 },
    lotteryPerYear: 0, donationChance: 0.15,
    areas: HUAIAN_AREAS,
  },
  {
    city: '320700', cityName: '连云港市', scheme: 'resident', persons: 250_000, entrantRate: 0.02, exitRate: 0.015, takeUp: 0.5,
    collectionFrom: '2026-10-01', payment: 'prior_autumn', assessmentsFrom: '2026-12-01', benefitsFrom: '2027-01-01', minorsFree: true,
    visitRecords: true,
    serviceMix: { home_visit: 0.55, community_day: 0.1, inst_elderly: 0.2, inst_medical: 0.15 },
    lotteryPerYear: 0, donationChance: 0.2,
    areas: LIANYUNGANG_AREAS,
  },
  {
    city: '320100', cityName: '南京市', scheme: 'employee', persons: 300_000, entrantRate: 0.04, exitRate: 0.03, takeUp: 0.9,
    collectionFrom: null, payment: 'january', assessmentsFrom: null, benefitsFrom: null, minorsFree: false, visitRecords: true,
    serviceMix: { home_visit: 0.42, community_day: 0.1, inst_elderly: 0.28, inst_medical: 0.2 },
    lotteryPerYear: 0, donationChance: 0.1,
    areas: NANJING_AREAS,
  },
  {
    city: '320100', cityName: '南京市', scheme: 'resident', persons: 150_000, entrantRate: 0.02, exitRate: 0.015, takeUp: 0.7,
    collectionFrom: null, payment: 'prior_autumn', assessmentsFrom: null, benefitsFrom: null, minorsFree: false, visitRecords: true,
    serviceMix: { home_visit: 0.42, community_day: 0.12, inst_elderly: 0.28, inst_medical: 0.18 },
    lotteryPerYear: 0, donationChance: 0.1,
    areas: NANJING_AREAS,
  },
  {
    city: '370800', cityName: '济宁市', scheme: 'resident', persons: 250_000, entrantRate: 0.02, exitRate: 0.015, takeUp: 0.26,
    collectionFrom: null, payment: 'undated', assessmentsFrom: null, benefitsFrom: null, minorsFree: false, visitRecords: false,
    serviceMix: { home_medical_nursing: 0.75, inst_medical_nursing: 0.18, medical_special: 0.07 },
    lotteryPerYear: 400_000, donationChance: 0.3,
    areas: JINING_AREAS,
  },
];

/** Institution categories that can provide each service type (first = most common). */
export const PROVIDER_CATEGORIES: Record<string, string[]> = {
  inst_medical: ['medical', 'medical_elderly'],
  inst_elderly: ['elderly_care', 'medical_elderly'],
  community_day: ['community'],
  home_visit: ['home_care', 'community'],
  assistive_rental: ['home_care'],
  medical_special: ['medical'],
  inst_medical_nursing: ['medical_elderly', 'medical'],
  home_medical_nursing: ['medical', 'home_care'],
};

/** Beneficiaries per institution of a category (sets how many institutions each city has). */
export const BENEFICIARIES_PER_INSTITUTION: Record<string, number> = {
  medical: 60,
  medical_elderly: 50,
  elderly_care: 40,
  community: 40,
  home_care: 80,
};

/** Age structure at the start: [from, to) years and share, by scheme. */
export const AGE_BANDS: Record<'employee' | 'resident', [number, number, number][]> = {
  employee: [
    [18, 30, 0.16], [30, 40, 0.22], [40, 50, 0.2], [50, 60, 0.17], [60, 70, 0.13], [70, 80, 0.08], [80, 90, 0.035], [90, 100, 0.005],
  ],
  resident: [
    [0, 18, 0.22], [18, 30, 0.09], [30, 40, 0.09], [40, 50, 0.11], [50, 60, 0.15], [60, 70, 0.16], [70, 80, 0.11], [80, 90, 0.06], [90, 100, 0.01],
  ],
};
