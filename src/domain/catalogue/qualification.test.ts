import { describe, expect, it } from 'vitest';
import { type Criterion, evaluateQualification, type QualificationFacts } from './qualification.ts';

const qualifying: QualificationFacts = {
  innovationPurpose: true,
  boardCompanies: 5,
  boardKnowledgeInstitutions: 2,
  boardPublic: 1,
  cvr: '29403473',
  staffFte: 12,
  dedicatedCompanies: 140,
  currentLabel: 'gold',
  labelInProcess: false,
};

const failed = (f: QualificationFacts): Criterion[] =>
  evaluateQualification(f)
    .results.filter((r) => !r.passed)
    .map((r) => r.criterion);

describe('qualification: the five criteria of a significant cluster', () => {
  it('a cluster meeting all five is significant', () => {
    const q = evaluateQualification(qualifying);
    expect(q.significant).toBe(true);
    expect(q.results.map((r) => r.criterion)).toEqual([
      'innovationPurpose',
      'tripleHelix',
      'formalOrganisation',
      'dedicatedCompanies',
      'label',
    ]);
  });

  const oneFailing: [string, Partial<QualificationFacts>, Criterion, string][] = [
    ['no innovation purpose', { innovationPurpose: false }, 'innovationPurpose', 'innovationPurposeMissing'],
    [
      'no knowledge institution on the board',
      { boardKnowledgeInstitutions: 0 },
      'tripleHelix',
      'tripleHelixMissing',
    ],
    ['board composition not stated', { boardPublic: null }, 'tripleHelix', 'boardUnknown'],
    ['no CVR of its own', { cvr: null }, 'formalOrganisation', 'noCvr'],
    ['less than 1 FTE', { staffFte: 0.5 }, 'formalOrganisation', 'fteTooLow'],
    ['19 dedicated companies', { dedicatedCompanies: 19 }, 'dedicatedCompanies', 'companiesTooFew'],
    [
      'dedicated companies not stated',
      { dedicatedCompanies: null },
      'dedicatedCompanies',
      'companiesUnknown',
    ],
    ['no valid label and none in process', { currentLabel: null }, 'label', 'labelMissing'],
  ];
  for (const [name, change, criterion, reason] of oneFailing) {
    it(`fails only ${criterion} when ${name}`, () => {
      const facts = { ...qualifying, ...change };
      expect(failed(facts)).toEqual([criterion]);
      const q = evaluateQualification(facts);
      expect(q.significant).toBe(false);
      expect(q.results.find((r) => r.criterion === criterion)?.reason.key).toBe(reason);
    });
  }

  it('passes at exactly the thresholds: 1 FTE and 20 companies', () => {
    expect(failed({ ...qualifying, staffFte: 1, dedicatedCompanies: 20 })).toEqual([]);
  });

  it('accepts a certification in process instead of a valid label', () => {
    const q = evaluateQualification({ ...qualifying, currentLabel: null, labelInProcess: true });
    expect(q.significant).toBe(true);
    expect(q.results.at(-1)?.reason.key).toBe('labelInProcess');
  });

  it('names every missing helix', () => {
    const q = evaluateQualification({ ...qualifying, boardCompanies: 0, boardPublic: 0 });
    expect(q.results[1]?.reason).toEqual({ key: 'tripleHelixMissing', missing: ['companies', 'public'] });
  });
});
