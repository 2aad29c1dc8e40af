// Type-checked with `tsc -p siat-wasm/tests/types`: the declarations must
// accept ordinary use of the package and reject misuse.

import {
  type Assessment,
  type Issue,
  type Scorecard,
  type TemplateDescription,
  SiatError,
  SiatValidationError,
  Template,
  codes,
  describe,
  languages,
  score,
  validate,
  validateField,
  version,
} from 'siat';

const assessment: Assessment = {
  template: { id: 'siat', version: '1.0' },
  profile: { name: 'De Groene Kist', country: 'NL', sfsc_type: 'box_scheme' },
  prioritisation: { ranks: { economic: 1, environmental: 2, socio_cultural: 3, governance: 4, influence: 5 } },
  answers: { organic_share: 85, eco_packaging: ['reusable'], renewable_energy_share: 'n/a', leadership: null },
  meta: { date: '2026-05-14' },
};

const result = validate(assessment, { lang: 'nl' });
const firstIssue: Issue | undefined = result.issues[0];
const valid: boolean = result.valid;

try {
  const scorecard: Scorecard = score(assessment, { minCoverage: 0.4, method: 'reciprocal', today: new Date(), limits: { max_depth: 40 } });
  const index: number | null = scorecard.index.score;
  const gaps: (number | null)[] = scorecard.dimensions.map((dimension) => dimension.priority_gap);
  console.log(index, gaps);
} catch (error) {
  if (error instanceof SiatValidationError) {
    const paths: string[] = error.issues.map((issue) => issue.path);
    console.log(paths);
  } else if (error instanceof SiatError) {
    const kind: string = error.kind;
    console.log(kind, error.problems.length);
  }
}

const form: TemplateDescription = describe('en');
for (const indicator of form.indicators) {
  const optionLabels: string[] = (indicator.options ?? []).map((option) => option.label);
  console.log(indicator.type, indicator.label, optionLabels);
}

const template: Template = Template.fromJson('{}');
const id: string = template.id;
const report = template.check('{"template": {}}', { aggregation: 'geometric' });
const scorecard: Scorecard | null = report.scorecard;
const fieldIssues: Issue[] = validateField('organic_share', 140);
template.free();

const severities: ('error' | 'warning')[] = codes.map((entry) => entry.severity);
const languageCount: number = languages.length;
const engineVersion: string = version;

// @ts-expect-error: the constructor is private
new Template();
// @ts-expect-error: an unknown weighting method
score(assessment, { method: 'median' });
// @ts-expect-error: issues are read-only data from the engine, codes are a closed set
const badCode: Issue['code'] = 'no_such_code';
// @ts-expect-error: codes cannot be changed
codes.push({ code: 'unanswered', severity: 'warning' });

console.log(firstIssue, valid, id, scorecard, fieldIssues, severities, languageCount, engineVersion, badCode);
