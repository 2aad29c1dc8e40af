// The CommonJS declarations (index.d.cts) for `require('siat')`.

import siat = require('siat');

function describeFailure(error: siat.SiatError): string {
  return error instanceof siat.SiatValidationError ? `${error.issues.length} issues` : error.kind;
}

const scorecard: siat.Scorecard = siat.score('{}');
const template: siat.Template = siat.Template.builtin();
const cohort: siat.Cohort = siat.compareCohort([]);
const stats: siat.CohortStats = cohort.stats();
console.log(scorecard.index.level, template.languages, describeFailure, stats.count);
