/**
 * The five criteria of a significant cluster (seed 001): innovation purpose, triple-helix
 * participation, a formal organisation with at least 1 FTE, at least 20 dedicated private
 * companies, and a valid European cluster label or a certification in process. A cluster that
 * meets all five is in the main catalogue; the rest are in the catalogue of smaller and
 * emerging clusters and networks.
 */
export const CRITERIA = [
  'innovationPurpose',
  'tripleHelix',
  'formalOrganisation',
  'dedicatedCompanies',
  'label',
] as const;
export type Criterion = (typeof CRITERIA)[number];

export const MIN_STAFF_FTE = 1;
export const MIN_DEDICATED_COMPANIES = 20;

export interface QualificationFacts {
  innovationPurpose: boolean;
  boardCompanies: number | null;
  boardKnowledgeInstitutions: number | null;
  boardPublic: number | null;
  cvr: string | null;
  staffFte: number | null;
  dedicatedCompanies: number | null;
  /** Level of the best label valid today, if any. */
  currentLabel: 'bronze' | 'silver' | 'gold' | null;
  labelInProcess: boolean;
}

/** Why a criterion passed or failed, as a key the UI turns into a sentence, with the values it cites. */
export type Reason =
  | { key: 'innovationPurposeStated' | 'innovationPurposeMissing' }
  | { key: 'tripleHelixMet'; companies: number; knowledge: number; public: number }
  | { key: 'tripleHelixMissing'; missing: ('companies' | 'knowledge' | 'public')[] }
  | { key: 'boardUnknown' }
  | { key: 'organisationMet'; fte: number }
  | { key: 'noCvr' }
  | { key: 'fteUnknown' }
  | { key: 'fteTooLow'; fte: number; min: number }
  | { key: 'companiesMet'; count: number }
  | { key: 'companiesUnknown' }
  | { key: 'companiesTooFew'; count: number; min: number }
  | { key: 'labelValid'; level: 'bronze' | 'silver' | 'gold' }
  | { key: 'labelInProcess' }
  | { key: 'labelMissing' };

export interface CriterionResult {
  criterion: Criterion;
  passed: boolean;
  reason: Reason;
}

export interface Qualification {
  significant: boolean;
  results: CriterionResult[];
}

function tripleHelix(f: QualificationFacts): CriterionResult {
  const { boardCompanies: c, boardKnowledgeInstitutions: k, boardPublic: p } = f;
  if (c === null || k === null || p === null) {
    return { criterion: 'tripleHelix', passed: false, reason: { key: 'boardUnknown' } };
  }
  const missing = (
    [
      ['companies', c],
      ['knowledge', k],
      ['public', p],
    ] as const
  )
    .filter(([, n]) => n < 1)
    .map(([name]) => name);
  return missing.length === 0
    ? {
        criterion: 'tripleHelix',
        passed: true,
        reason: { key: 'tripleHelixMet', companies: c, knowledge: k, public: p },
      }
    : {
        criterion: 'tripleHelix',
        passed: false,
        reason: { key: 'tripleHelixMissing', missing: [...missing] },
      };
}

function formalOrganisation(f: QualificationFacts): CriterionResult {
  const criterion = 'formalOrganisation';
  if (!f.cvr) return { criterion, passed: false, reason: { key: 'noCvr' } };
  if (f.staffFte === null) return { criterion, passed: false, reason: { key: 'fteUnknown' } };
  return f.staffFte >= MIN_STAFF_FTE
    ? { criterion, passed: true, reason: { key: 'organisationMet', fte: f.staffFte } }
    : { criterion, passed: false, reason: { key: 'fteTooLow', fte: f.staffFte, min: MIN_STAFF_FTE } };
}

function dedicatedCompanies(f: QualificationFacts): CriterionResult {
  const criterion = 'dedicatedCompanies';
  const n = f.dedicatedCompanies;
  if (n === null) return { criterion, passed: false, reason: { key: 'companiesUnknown' } };
  return n >= MIN_DEDICATED_COMPANIES
    ? { criterion, passed: true, reason: { key: 'companiesMet', count: n } }
    : {
        criterion,
        passed: false,
        reason: { key: 'companiesTooFew', count: n, min: MIN_DEDICATED_COMPANIES },
      };
}

function label(f: QualificationFacts): CriterionResult {
  if (f.currentLabel)
    return { criterion: 'label', passed: true, reason: { key: 'labelValid', level: f.currentLabel } };
  if (f.labelInProcess) return { criterion: 'label', passed: true, reason: { key: 'labelInProcess' } };
  return { criterion: 'label', passed: false, reason: { key: 'labelMissing' } };
}

export function evaluateQualification(f: QualificationFacts): Qualification {
  const results: CriterionResult[] = [
    {
      criterion: 'innovationPurpose',
      passed: f.innovationPurpose,
      reason: { key: f.innovationPurpose ? 'innovationPurposeStated' : 'innovationPurposeMissing' },
    },
    tripleHelix(f),
    formalOrganisation(f),
    dedicatedCompanies(f),
    label(f),
  ];
  return { significant: results.every((r) => r.passed), results };
}
