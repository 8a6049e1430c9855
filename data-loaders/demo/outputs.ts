// What each delivery file holds: one SELECT per kind over the generated tables, in the contract's
// column order, ordered by the kind's key so the bytes never depend on DuckDB's threads.
import { KINDS } from '../contract/index.ts';
import { selectItem, type DemoHeaders } from './headers.ts';

interface KindOutput {
  kind: string;
  /** The rows, with their contract columns (English names) as produced by the generator. */
  body: string;
  orderBy: string;
  select(headers: DemoHeaders): string;
  count: string;
}

const BODIES: Record<string, { body: string; orderBy: string }> = {
  enrolment: {
    body: `
select
    e.person_no, c.cert_no, e.gender::VARCHAR as gender, e.birth_date, e.admdvs, e.scheme, e.year, e.coverage_start, e.coverage_end,
    e.individual_amt, e.medical_fund_amt, e.fiscal_amt, e.employer_amt, e.other_amt, e.assisted, e.paid_date,
from enrolment_gen as e
left join person_cert as c using (pk)`,
    orderBy: 'person_no, scheme, year',
  },
  assessment: {
    body: `
select
    assessment_id, person_no, admdvs, kind, apply_date, conclusion_date, level, disability_months, approved, valid_until,
    fee_amt, assessor_code,
from assessment_gen`,
    orderBy: 'assessment_id',
  },
  institution: {
    body: `
select institution_code, name, admdvs, category, grade, designated_from, designated_to, beds,
from institution_gen`,
    orderBy: 'institution_code',
  },
  settlement: {
    body: `
select
    settlement_id, person_no, admdvs, institution_code, service_type, strftime(service_month, '%Y-%m') as service_month,
    service_days, service_hours, visits, total_amt, eligible_amt, fund_amt, personal_amt, settled_date, reversal_of,
from settlement_all`,
    orderBy: 'settlement_id',
  },
  visit: {
    body: `
select visit_id, person_no, institution_code, check_in, check_out, caregiver_code,
from visit_gen`,
    orderBy: 'visit_id',
  },
  ledger: {
    body: `
select entry_id, admdvs, scheme, entry_date, category, amount,
from ledger_gen`,
    orderBy: 'entry_id',
  },
  // the optional extracts hold only the planted rows (anomalies.ts)
  inpatient: {
    body: `
select stay_id, person_no, admdvs, admission_date, discharge_date, hospital_code,
from inpatient_gen`,
    orderBy: 'stay_id',
  },
  work_injury: {
    body: `
select record_id, person_no, admdvs, allowance_from, allowance_to,
from work_injury_gen`,
    orderBy: 'record_id',
  },
};

export const KIND_OUTPUTS: KindOutput[] = KINDS.map((k) => {
  const { body, orderBy } = BODIES[k.name];
  return {
    kind: k.name,
    body,
    orderBy,
    count: body,
    select(headers) {
      const cols = k.columns.map((c) => selectItem(c, headers));
      return `select ${cols.join(', ')} from (${body}) order by ${orderBy}`;
    },
  };
});
