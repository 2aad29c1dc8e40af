// Fills the demo page's form (examples/web) through its controls, as a
// person would, for the browser tests.

/** Fills one indicator or profile field through its control, as a person would. */
export async function fillItem(page, section, item, value) {
  const name = `${section}.${item.id}`;
  if (value === undefined || value === null) {
    return;
  }
  if (value === 'n/a') {
    await page.check(`input[name="${name}.na"]`);
    return;
  }
  switch (item.type) {
    case 'boolean':
    case 'likert5':
      await page.check(`input[name="${name}"][value="${String(value)}"]`);
      return;
    case 'multi_choice':
      for (const option of value) {
        await page.check(`input[name="${name}"][value="${option}"]`);
      }
      return;
    case 'choice':
      await page.selectOption(`select[name="${name}"]`, value);
      return;
    default:
      await page.fill(`input[name="${name}"]`, String(value));
  }
}

/** Chooses ranks or points and fills them, and the method if one is given. */
export async function fillPrioritisation(page, prioritisation) {
  const mode = prioritisation.points ? 'points' : 'ranks';
  await page.check(`input[name="prioritisation.mode"][value="${mode}"]`);
  for (const [dimension, value] of Object.entries(prioritisation[mode])) {
    const selector = `[name="prioritisation.${mode}.${dimension}"]`;
    if (mode === 'ranks') {
      await page.selectOption(selector, String(value));
    } else {
      await page.fill(selector, String(value));
    }
  }
  if (prioritisation.method) {
    await page.selectOption('select[name="prioritisation.method"]', prioritisation.method);
  }
}

/** Fills a whole assessment: profile, answers, prioritisation and metadata. */
export async function fillAssessment(page, form, assessment) {
  for (const item of form.profile) {
    await fillItem(page, 'profile', item, assessment.profile[item.id]);
  }
  for (const item of form.indicators) {
    await fillItem(page, 'answers', item, assessment.answers[item.id]);
  }
  if (assessment.prioritisation) {
    await fillPrioritisation(page, assessment.prioritisation);
  }
  await page.fill('input[name="meta.date"]', assessment.meta?.date ?? '');
  await page.fill('input[name="meta.respondent_role"]', assessment.meta?.respondent_role ?? '');
}
