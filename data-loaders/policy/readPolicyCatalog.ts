// Read every policies/*.json file, validate each, then check across files (no two periods of one city
// and scheme overlap; policy ids are unique).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PolicyFileError } from './PolicyFileError.ts';
import { overlaps, parsePolicyFile } from './parsePolicyFile.ts';
import { institutionCategoryRows, serviceTypeRows } from './serviceSettings.ts';
import { emptyCatalog, type PolicyCatalog } from './types.ts';

export const POLICY_DIR = resolve(import.meta.dirname, '..', '..', 'policies');

export function readPolicyCatalog(dir = POLICY_DIR): PolicyCatalog {
  if (!existsSync(dir)) throw new PolicyFileError(dir, '', 'the policy folder does not exist');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (!files.length) throw new PolicyFileError(dir, '', 'no policy files (*.json) in the folder');
  const catalog = emptyCatalog();
  const fileOfPolicy = new Map<string, string>();
  for (const file of files) {
    const part = parsePolicyFile(file, readFileSync(join(dir, file), 'utf8'));
    const id = part.scheme[0]?.policy_id ?? part.national[0]?.policy_id;
    if (id && fileOfPolicy.has(id)) throw new PolicyFileError(file, 'policy_id', `"${id}" is already used by ${fileOfPolicy.get(id)}`);
    if (id) fileOfPolicy.set(id, file);
    for (const s of part.scheme) {
      const clash = catalog.scheme.find((o) => o.city === s.city && o.scheme === s.scheme && overlaps(s.effective_from, s.effective_to, o.effective_from, o.effective_to));
      if (clash) {
        throw new PolicyFileError(file, 'effective_from', `${s.city} ${s.scheme} ${s.effective_from} – ${s.effective_to ?? 'open'} overlaps ${clash.effective_from} – ${clash.effective_to ?? 'open'} in ${clash.source_file}; end one period before the other starts`);
      }
    }
    if (part.nationalPilotCity.length && catalog.nationalPilotCity.length) throw new PolicyFileError(file, 'pilot_cities', 'the national pilot-city list is given in more than one file');
    for (const key of Object.keys(catalog) as (keyof PolicyCatalog)[]) (catalog[key] as unknown[]).push(...part[key]);
  }
  catalog.serviceType = serviceTypeRows();
  catalog.institutionCategory = institutionCategoryRows();
  return catalog;
}
