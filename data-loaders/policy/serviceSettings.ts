// The contract's codes as reference tables for the audit: where each service type is given, and the
// institution categories' Chinese names. Not policy values (no city sets them): what the codes mean.
// `occupies_day`: a day of it is spent in a bed or in day care, so one person has at most one such
// day per calendar day (the audit's days_overlap, docs/audit-rules.md). Home care, family care and
// equipment rental do not occupy the day.
import { kindByName, SERVICE_TYPES } from '../contract/index.ts';
import type { PolicyInstitutionCategoryRow, PolicyServiceTypeRow } from './types.ts';

export const SERVICE_SETTINGS: Record<string, { setting: 'bed' | 'day_care' | 'home' | 'equipment'; occupies_day: boolean }> = {
  inst_medical: { setting: 'bed', occupies_day: true },
  inst_elderly: { setting: 'bed', occupies_day: true },
  community_day: { setting: 'day_care', occupies_day: true },
  home_visit: { setting: 'home', occupies_day: false },
  home_family: { setting: 'home', occupies_day: false },
  medical_special: { setting: 'bed', occupies_day: true },
  inst_medical_nursing: { setting: 'bed', occupies_day: true },
  home_medical_nursing: { setting: 'home', occupies_day: false },
  assistive_rental: { setting: 'equipment', occupies_day: false },
};

/** One row per contract service type; throws when a type has no setting here. */
export function serviceTypeRows(): PolicyServiceTypeRow[] {
  return Object.entries(SERVICE_TYPES).map(([service_type, name_zh]) => {
    const s = SERVICE_SETTINGS[service_type];
    if (!s) throw new Error(`data-loaders/policy/serviceSettings.ts: service type ${service_type} of the contract has no setting`);
    return { service_type, name_zh, ...s };
  });
}

/** The contract's institution categories with their Chinese name (the first Chinese spelling it accepts). */
export function institutionCategoryRows(): PolicyInstitutionCategoryRow[] {
  const values = kindByName('institution')!.columns.find((c) => c.name === 'category')!.values!;
  return Object.entries(values).map(([category, spellings]) => ({
    category,
    name_zh: spellings.find((x) => /[\u4e00-\u9fff]/.test(x)) ?? category,
  }));
}
