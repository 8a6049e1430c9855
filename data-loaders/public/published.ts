// What the public disclosure site may publish, by structure: its pages, its tables and each table's
// columns, and meta.json's keys. checkPublicOutput.ts holds every build to it; a new table or column
// is published only once it is added here (docs/public.md). Words in the data play no part.

/** The pages (src-public/*.md). */
export const PUBLISHED_PAGES = ['about', 'data', 'fund', 'index', 'institutions', 'people', 'policies'] as const;

const CITY_YEAR = ['city_name', 'city', 'year'];
const PERSONS = ['participants', 'beneficiaries', 'beneficiaries_per_1000'];

/** Each table (data/<name>.json and data/<name>.csv) and its columns, exactly. */
export const PUBLISHED_TABLES: Record<string, readonly string[]> = {
  'fund-annual': [...CITY_YEAR, 'year_text', 'scheme', 'income_total', 'expenditure_total', 'net', 'balance_end', 'months_payable', 'surplus_status', 'months_covered'],
  'fund-monthly': ['city_name', 'city', 'month', 'income_individual', 'income_medical_fund', 'income_fiscal', 'income_employer', 'income_other', 'income_total',
    'expenditure_benefits', 'expenditure_assessment', 'expenditure_operator', 'expenditure_other', 'expenditure_total', 'net', 'cumulative_balance'],
  'participants-beneficiaries': [...CITY_YEAR, 'scheme', ...PERSONS],
  'districts': [...CITY_YEAR, 'admdvs', 'district', ...PERSONS],
  'beneficiaries-by-level': [...CITY_YEAR, 'level', 'beneficiaries'],
  'service-types': [...CITY_YEAR, 'service_type', 'beneficiaries', 'fund_amt', 'fund_share', 'fund_per_beneficiary_month'],
  'institution-counts': ['city_name', 'district', 'admdvs', 'category', 'institutions', 'beds'],
  'institutions': ['city_name', 'district', 'admdvs', 'name', 'category', 'grade', 'beds', 'designated_from'],
  'policy-overview': ['city_name', 'city', 'scheme', 'topic', 'item', 'text', 'document_no', 'basis', 'assumed'],
  'policy-documents': ['city_name', 'province', 'scheme', 'document_no', 'document_title', 'effective_from', 'effective_to'],
  'policy-parameters': ['city_name', 'scheme', 'param', 'value', 'document_no', 'clause', 'assumed', 'assumed_why'],
};

/** The keys of data/meta.json. */
export const META_KEYS = ['firstMonth', 'lastMonth', 'asOf', 'published', 'surplusBands', 'negativeBalance', 'surplusBandsSource', 'tables'] as const;

/**
 * Columns that would put a person on the site, in the contract's names and the national platform's:
 * never published, whatever the list above says.
 */
export const PERSON_LEVEL_COLUMNS = /^(person_no|psn_no|cert_no|certno|cert_hash|psn_name|birth_date|brdy|settlement_id|setl_id|assessment_id|reversal_of|visit_id|caregiver_code)$/i;
