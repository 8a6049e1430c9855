// The policy catalog's rows, one interface per warehouse table (docs/architecture.md, "Policy catalog tables").
// Money, ratios and quantities are decimal strings (never floats); dates are ISO `YYYY-MM-DD`; null = not set.

export const SCHEMES = ['employee', 'resident'] as const;
export const FINANCING_COMPONENTS = ['individual', 'medical_fund', 'fiscal', 'employer'] as const;
export const PRICING_METHODS = ['daily_rate', 'hourly_rate', 'ratio'] as const;
/**
 * National pilot batches: '2016' the first batch of cities (人社厅发〔2016〕80号), 'key_province' a city
 * of 吉林 or 山东, the two key-contact provinces named with it, '2020' the expansion (医保发〔2020〕37号).
 */
export const PILOT_BATCHES = ['2016', 'key_province', '2020'] as const;
/** Extract kinds whose days a policy excludes from its benefits (policy_exclusion.data_kind). */
export const EXCLUSION_KINDS = ['inpatient', 'work_injury'] as const;

export interface PolicySchemeRow {
  policy_id: string;
  city: string;
  city_name: string;
  province: string;
  scheme: (typeof SCHEMES)[number];
  effective_from: string;
  effective_to: string | null;
  document_no: string;
  document_title: string;
  single_account: boolean;
  min_level: number;
  min_disability_months: number;
  benefit_start_offset_days: number;
  reassessment_months: number | null;
  waiting_period_months: number | null;
  assessment_fee_from_fund: boolean;
  operator_fee_ratio: string | null;
  /** Added column: first day benefits are payable under this policy (Lianyungang: contributions from 2026-10, benefits from 2026-12-01). */
  benefits_from: string;
  /**
   * Added column: the first day of the fund (account) this scheme's money goes to, where it began before
   * this policy (连云港's residents join the employee fund's account); null = effective_from. A fund
   * whose first delivered month is later needs an opening balance (docs/marts.md, "Opening balance").
   */
  fund_from: string | null;
  /** Added column: the policies/*.json file the row came from. */
  source_file: string;
}

export interface PolicyFinancingRow {
  policy_id: string;
  component: (typeof FINANCING_COMPONENTS)[number];
  amount: string;
  effective_from: string;
  effective_to: string | null;
}

export interface PolicyAreaRow {
  policy_id: string;
  admdvs: string;
  area_name: string;
}

export interface PolicyServiceRow {
  policy_id: string;
  service_type: string;
  method: (typeof PRICING_METHODS)[number];
  rate: string | null;
  ratio: string | null;
  hospital_grade: number | null;
  monthly_cap: string | null;
  hours_per_visit: string | null;
  min_visits_per_month: number | null;
}

/** Which institution categories may bill which service types (the audit's category_mismatch). */
export interface PolicyCategoryServiceRow {
  policy_id: string;
  /** An institution category of the contract (institution.category). */
  category: string;
  service_type: string;
}

/** Days on which a policy pays no benefit: an inpatient stay, a work-injury nursing allowance. */
export interface PolicyExclusionRow {
  policy_id: string;
  data_kind: (typeof EXCLUSION_KINDS)[number];
  /** null = every service type. */
  service_type: string | null;
}

/** Added table: every service type of the contract, its name and where it is given (serviceSettings.ts). */
export interface PolicyServiceTypeRow {
  service_type: string;
  name_zh: string;
  setting: string;
  /** Whether a day of it is a day in a bed or in day care (the audit's days_overlap). */
  occupies_day: boolean;
}

/** Added table: the contract's institution categories and their Chinese names (serviceSettings.ts). */
export interface PolicyInstitutionCategoryRow {
  category: string;
  name_zh: string;
}

export interface PolicySourceRow {
  policy_id: string;
  param: string;
  value: string | null;
  document_no: string;
  clause: string | null;
  assumed: boolean;
  assumed_why: string | null;
}

export interface NationalPilotCityRow {
  city_name: string;
  province: string;
  batch: (typeof PILOT_BATCHES)[number];
  /** 6-digit city admdvs (first four digits + 00) where known, else null. */
  city: string | null;
  /** Added column: the pilot area's own code when it is a district or county-level city (石景山区 110107). */
  admdvs: string | null;
  /** Added column: the year the city's own LTCI scheme began, where a source says (济宁 2018, 济政办发〔2018〕33号). */
  scheme_from: string | null;
  /** Added column: the document that year comes from. */
  scheme_document: string | null;
}

/** Added table: the national guideline's figures the comparison pages use. */
export interface PolicyNationalRow {
  policy_id: string;
  document_no: string;
  document_title: string;
  fund_share_target: string;
  min_disability_months: number;
}

export interface PolicyCatalog {
  scheme: PolicySchemeRow[];
  financing: PolicyFinancingRow[];
  area: PolicyAreaRow[];
  service: PolicyServiceRow[];
  categoryService: PolicyCategoryServiceRow[];
  exclusion: PolicyExclusionRow[];
  serviceType: PolicyServiceTypeRow[];
  institutionCategory: PolicyInstitutionCategoryRow[];
  source: PolicySourceRow[];
  nationalPilotCity: NationalPilotCityRow[];
  national: PolicyNationalRow[];
  files: string[];
}

export function emptyCatalog(): PolicyCatalog {
  return {
    scheme: [], financing: [], area: [], service: [], categoryService: [], exclusion: [], serviceType: [], institutionCategory: [], source: [],
    nationalPilotCity: [], national: [], files: [],
  };
}
