// Type-checked with `tsc -p siat-wasm/tests/types`: the declarations must
// accept ordinary use of the package and reject misuse.

import {
  type Assessment,
  type Benchmark,
  type CohortStats,
  type Finding,
  type GroupStats,
  type Issue,
  type KnowledgeBase,
  type Migrated,
  type Recommendation,
  type Scorecard,
  type Sensitivity,
  type TemplateDescription,
  Cohort,
  SiatError,
  SiatValidationError,
  Template,
  addLanguage,
  advise,
  assessmentSchema,
  barsSvg,
  codes,
  compareCohort,
  describe,
  knowledgeBase,
  languages,
  migrate,
  radarSvg,
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

// Cohorts, charts and advice.
const cohort: Cohort = compareCohort([assessment, '{"template": {}}', { label: 'Groene Kist', assessment }], { lang: 'nl' });
const size: number = cohort.size;
const labels: string[] = cohort.members.map((member) => member.label);
const rejectedCodes: string[][] = cohort.rejected.map((entry) => entry.issues.map((issue) => issue.code));
const stats: CohortStats = cohort.stats();
const organicMedian: number | null = stats.indicators[0].values?.median ?? null;
const groups: GroupStats[] = cohort.statsBy('country');
const findings: Finding[] = cohort.findings({ lang: 'en', groupBy: 'country' });
const headline: number | undefined = findings[0].numbers.mean;
const benchmark: Benchmark = cohort.benchmark(assessment);
const fromScorecard: Benchmark = cohort.benchmark(score(assessment));
const sensitivity: Sensitivity[] = cohort.sensitivity({ samples: 500, seed: 7n });
const kept: number | null = sensitivity[0].rank_kept;
const equalIndex: number | null = sensitivity[0].methods.equal;
const html: string = cohort.toHtml({ lang: 'nl', groupBy: 'area', samples: 100, seed: 1 });
const cohortRadar: string = cohort.radarSvg(null, { lang: 'nl' });
const radar: string = radarSvg(score(assessment), { cohort, lang: 'en' });
const radarAlone: string = radarSvg(assessment);
const bars: string = barsSvg('SI index', [{ label: 'A', score: 50 }, { label: 'B', score: null }], { lang: 'nl' });
cohort.free();

const advice: Recommendation[] = advise(assessment, { lang: 'nl', limit: 3, perDimension: 1, method: 'equal' });
const practiceTitles: string[] = advice.flatMap((recommendation) => recommendation.practices.map((practice) => practice.title));
const knowledge: KnowledgeBase = knowledgeBase();
const dutchTitle: string | undefined = knowledge.entries[0].title.nl;
const migrated: Migrated = migrate(assessment, { template: 'siat', from: '1.0', to: '1.1', renamed: { local_jobs: 'local_jobs_fte' } });
const renamedTo: string[] = migrated.renamed.map((entry) => entry.to);
const schema: Record<string, unknown> = assessmentSchema({ template });
const builtinSchema: Record<string, unknown> = assessmentSchema();
const added: string[] = addLanguage('fy', '{}');
const customCohort: Cohort = template.compareCohort([assessment]);
const customAdvice: Recommendation[] = template.advise(score(assessment));
const customRadar: string = template.radarSvg(assessment, { cohort: customCohort });

// @ts-expect-error: the constructor is private
new Cohort();
// @ts-expect-error: a seed is a number or a bigint
cohort.sensitivity({ seed: '7' });
// @ts-expect-error: bars take {label, score} objects
barsSvg('t', [['A', 50]]);
// @ts-expect-error: findings options have no samples
cohort.findings({ samples: 10 });
// @ts-expect-error: the cohort of a radar must be a Cohort
radarSvg(assessment, { cohort: stats });

console.log(size, labels, rejectedCodes, organicMedian, groups, headline, benchmark, fromScorecard, kept, equalIndex, html, cohortRadar, radar, radarAlone, bars);
console.log(practiceTitles, dutchTitle, renamedTo, schema, builtinSchema, added, customAdvice, customRadar);

// @ts-expect-error: the constructor is private
new Template();
// @ts-expect-error: an unknown weighting method
score(assessment, { method: 'median' });
// @ts-expect-error: issues are read-only data from the engine, codes are a closed set
const badCode: Issue['code'] = 'no_such_code';
// @ts-expect-error: codes cannot be changed
codes.push({ code: 'unanswered', severity: 'warning' });

console.log(firstIssue, valid, id, scorecard, fieldIssues, severities, languageCount, engineVersion, badCode);
