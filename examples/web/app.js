// The SIAT demo form: built from the template alone, validated as the user
// types, scored in the browser. The answers never leave the page.

const status = document.querySelector('#status');

// A dynamic import, so a package that fails to load (a missing .wasm, an old
// browser) is reported on the page instead of leaving it blank.
let siat;
try {
  siat = await import('siat');
} catch (error) {
  status.textContent = `The scoring engine failed to load: ${error.message}`;
  status.className = 'status error';
  throw error;
}

const template = siat.Template.builtin();

const METHODS = ['rank_sum', 'rank_order_centroid', 'reciprocal', 'points', 'equal'];

/** Texts of the page itself; the questionnaire's texts come from the template. */
const UI = {
  en: {
    language: 'Language',
    ready: 'Fill in the form; each field is checked as you type.',
    privacy: 'Scoring runs in this browser: your answers are not sent anywhere.',
    profile: 'Profile',
    prioritisation: 'Prioritisation',
    prioritisationHelp: 'How important is each dimension to your initiative? Rank them (1 = most important, equal ranks are ties) or spread points over them.',
    byRanks: 'Ranks',
    byPoints: 'Points',
    method: 'Weighting method',
    methodDefault: 'default for ranks or points',
    methods: {
      rank_sum: 'rank sum',
      rank_order_centroid: 'rank order centroid',
      reciprocal: 'reciprocal ranks',
      points: 'points',
      equal: 'equal weights',
    },
    meta: 'About this assessment',
    date: 'Date of the assessment',
    role: 'Your role in the initiative',
    choose: '— choose —',
    unanswered: 'no answer',
    yes: 'yes',
    no: 'no',
    notApplicable: 'not applicable',
    submit: 'Calculate scores',
    invalid: (count) => `The assessment has ${count} error${count === 1 ? '' : 's'}; see the marked fields.`,
    scorecard: 'Scorecard',
    index: 'SI index',
    notScored: 'not scored',
    dimension: 'Dimension',
    score: 'Score',
    level: 'Level',
    weight: 'Weight',
    coverage: 'Answered',
    priorityGap: 'Priority gap',
    warnings: 'Warnings',
    comparison: 'Compared with the example cohort',
    comparisonNote: (count) => `The shaded band is the middle half of the ${count} example initiatives and the dashed line their median, per dimension.`,
    comparisonMissing: 'The example cohort could not be loaded, so the chart shows this assessment alone.',
    advice: 'What to do next',
    adviceNone: 'Every answered indicator scores 100; there is nothing to recommend.',
    practices: 'Practices that help',
  },
  nl: {
    language: 'Taal',
    ready: 'Vul het formulier in; elk veld wordt gecontroleerd terwijl u typt.',
    privacy: 'De scores worden in deze browser berekend: uw antwoorden worden nergens heen gestuurd.',
    profile: 'Profiel',
    prioritisation: 'Prioritering',
    prioritisationHelp: 'Hoe belangrijk is elke dimensie voor uw initiatief? Geef ze een rang (1 = het belangrijkst, gelijke rangen zijn gelijk gewaardeerd) of verdeel punten.',
    byRanks: 'Rangen',
    byPoints: 'Punten',
    method: 'Wegingsmethode',
    methodDefault: 'standaard voor rangen of punten',
    methods: {
      rank_sum: 'rangsom',
      rank_order_centroid: 'rank order centroid',
      reciprocal: 'omgekeerde rangen',
      points: 'punten',
      equal: 'gelijke gewichten',
    },
    meta: 'Over deze assessment',
    date: 'Datum van de assessment',
    role: 'Uw rol in het initiatief',
    choose: '— kies —',
    unanswered: 'geen antwoord',
    yes: 'ja',
    no: 'nee',
    notApplicable: 'niet van toepassing',
    submit: 'Scores berekenen',
    invalid: (count) => `De assessment bevat ${count} ${count === 1 ? 'fout' : 'fouten'}; zie de gemarkeerde velden.`,
    scorecard: 'Scorekaart',
    index: 'SI-index',
    notScored: 'niet gescoord',
    dimension: 'Dimensie',
    score: 'Score',
    level: 'Niveau',
    weight: 'Gewicht',
    coverage: 'Beantwoord',
    priorityGap: 'Prioriteitskloof',
    warnings: 'Waarschuwingen',
    comparison: 'Vergeleken met het voorbeeldcohort',
    comparisonNote: (count) => `De gekleurde band is de middelste helft van de ${count} voorbeeldinitiatieven en de gestreepte lijn hun mediaan, per dimensie.`,
    comparisonMissing: 'Het voorbeeldcohort kon niet worden geladen, dus de grafiek toont alleen deze assessment.',
    advice: 'Wat nu te doen',
    adviceNone: 'Elke beantwoorde indicator scoort 100; er valt niets aan te bevelen.',
    practices: 'Praktijken die helpen',
  },
};

/** URL of the list of example cohort files, which serve.mjs sends on 127.0.0.1. */
const COHORT_INDEX = 'cohort/index.json';

const form = document.querySelector('#assessment');
const results = document.querySelector('#results');
const languageSelect = document.querySelector('#lang');

let lang = 'en';
let described = template.describe(lang);
let text = UI[lang];

// The example cohort, compared once it has loaded; null until then or when it fails.
let cohort = null;
let cohortStatus = 'loading';

// ---------------------------------------------------------------- elements

/** Creates an element with attributes (`on*` functions become listeners) and children. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

/** Wraps a control with its label and the slot where its issues appear. */
function field(path, labelText, control, { help, group = false } = {}) {
  const id = `field${path.replaceAll('/', '-')}`;
  const label = group ? h('legend', {}, labelText) : h('label', { for: id }, labelText);
  if (!group && control.matches('input, select')) {
    control.id = id;
  }
  return h(
    group ? 'fieldset' : 'div',
    { class: 'field', dataset: { path } },
    label,
    control,
    help ? h('p', { class: 'help' }, help) : null,
    h('ul', { class: 'issues', 'aria-live': 'polite' }),
  );
}

function radioGroup(name, choices, live) {
  return h(
    'span',
    { class: 'choices' },
    choices.map(([value, label]) => h('label', {}, h('input', { type: 'radio', name, value, checked: value === '', onchange: live }), ` ${label}`)),
  );
}

function checkboxGroup(name, options, live) {
  return h(
    'span',
    { class: 'choices' },
    options.map((option) => h('label', {}, h('input', { type: 'checkbox', name, value: option.id, onchange: live }), ` ${option.label}`)),
  );
}

function select(name, options, live) {
  return h(
    'select',
    { name, onchange: live },
    h('option', { value: '' }, text.choose),
    options.map((option) => h('option', { value: option.id }, option.label)),
  );
}

function numberInput(name, live) {
  return h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', name, oninput: live });
}

// ------------------------------------------------------------------- form

/** Builds the control for one indicator or profile field by its type. */
function control(section, item) {
  const name = `${section}.${item.id}`;
  const live = () => validateLive(section, item.id);

  switch (item.type) {
    case 'boolean':
      return radioGroup(name, [['', text.unanswered], ['true', text.yes], ['false', text.no]], live);
    case 'likert5':
      return radioGroup(name, [['', text.unanswered], ...described.likert5.map((label, index) => [String(index + 1), `${index + 1} ${label}`])], live);
    case 'choice':
      return select(name, item.options, live);
    case 'multi_choice':
      return checkboxGroup(name, item.options, live);
    case 'percent':
    case 'count':
    case 'number':
    case 'integer':
      return numberInput(name, live);
    default:
      return h('input', { type: 'text', name, autocomplete: 'off', oninput: live });
  }
}

/** Describes the allowed range of a number field, e.g. `0–100`. */
function rangeHint(item) {
  if (item.type === 'percent') {
    return '0–100 %';
  }
  if (item.type === 'likert5' || item.min === undefined) {
    return undefined;
  }
  return item.max === undefined ? `≥ ${item.min}` : `${item.min}–${item.max}`;
}

function itemField(section, item) {
  const path = `/${section}/${item.id}`;
  const group = ['boolean', 'likert5', 'multi_choice'].includes(item.type);
  const input = control(section, item);
  const wrapper = field(path, item.label + (item.required ? ' *' : ''), input, { help: rangeHint(item), group });
  wrapper.dataset.type = item.type;

  if (item.na_allowed) {
    const notApplicable = h('input', { type: 'checkbox', name: `${section}.${item.id}.na`, onchange: () => {
      wrapper.classList.toggle('not-applicable', notApplicable.checked);
      validateLive(section, item.id);
    } });
    wrapper.insertBefore(h('label', { class: 'na' }, notApplicable, ` ${text.notApplicable}`), wrapper.querySelector('.issues'));
  }
  return wrapper;
}

function prioritisationSection() {
  const dimensions = described.dimensions;
  const rankChoices = dimensions.map((_, index) => ({ id: String(index + 1), label: String(index + 1) }));

  const ranks = h('div', { class: 'by-ranks' }, dimensions.map((dimension) =>
    field(`/prioritisation/ranks/${dimension.id}`, dimension.label, select(`prioritisation.ranks.${dimension.id}`, rankChoices))));
  const points = h('div', { class: 'by-points', hidden: true }, dimensions.map((dimension) =>
    field(`/prioritisation/points/${dimension.id}`, dimension.label, numberInput(`prioritisation.points.${dimension.id}`))));

  const switchMode = (event) => {
    ranks.hidden = event.target.value !== 'ranks';
    points.hidden = event.target.value !== 'points';
  };
  const mode = h('span', { class: 'choices' },
    h('label', {}, h('input', { type: 'radio', name: 'prioritisation.mode', value: 'ranks', checked: true, onchange: switchMode }), ` ${text.byRanks}`),
    h('label', {}, h('input', { type: 'radio', name: 'prioritisation.mode', value: 'points', onchange: switchMode }), ` ${text.byPoints}`));
  const method = h('select', { name: 'prioritisation.method' },
    h('option', { value: '' }, text.methodDefault),
    METHODS.map((id) => h('option', { value: id }, text.methods[id])));

  return h('fieldset', { class: 'section', dataset: { path: '/prioritisation' } },
    h('legend', {}, text.prioritisation),
    h('p', { class: 'help' }, text.prioritisationHelp),
    mode, ranks, points,
    field('/prioritisation/method', text.method, method),
    h('ul', { class: 'issues' }));
}

function metaSection() {
  return h('fieldset', { class: 'section', dataset: { path: '/meta' } },
    h('legend', {}, text.meta),
    field('/meta/date', text.date, h('input', { type: 'date', name: 'meta.date' })),
    field('/meta/respondent_role', text.role, h('input', { type: 'text', name: 'meta.respondent_role', autocomplete: 'organization-title' })),
    h('ul', { class: 'issues' }));
}

function render() {
  document.documentElement.lang = lang;
  document.title = described.title;
  document.querySelector('#title').textContent = described.title;
  document.querySelector('#language-label').textContent = text.language;
  document.querySelector('#privacy').textContent = text.privacy;

  const profile = h('fieldset', { class: 'section', dataset: { path: '/profile' } },
    h('legend', {}, text.profile),
    described.profile.map((item) => itemField('profile', item)),
    h('ul', { class: 'issues' }));

  const dimensions = described.dimensions.map((dimension) => h('fieldset', { class: 'section dimension', dataset: { dimension: dimension.id } },
    h('legend', {}, dimension.label),
    described.indicators.filter((indicator) => indicator.dimension === dimension.id).map((indicator) => itemField('answers', indicator))));

  form.replaceChildren(
    h('ul', { class: 'issues form-issues', dataset: { path: '' } }),
    profile,
    prioritisationSection(),
    ...dimensions,
    metaSection(),
    h('button', { type: 'submit' }, text.submit),
  );
}

// ----------------------------------------------------------- read and fill

/** Reads a number as typed, accepting a decimal comma; other text stays text so validation can name it. */
function parseNumber(typed) {
  const trimmed = typed.trim();
  if (trimmed === '') {
    return undefined;
  }
  const normalised = /^[+-]?\d*,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalised) ? Number(normalised) : trimmed;
}

/** Reads the value of one indicator or profile field; `undefined` means no answer. */
function readItem(section, item) {
  const name = `${section}.${item.id}`;
  if (form.elements[`${name}.na`]?.checked) {
    return 'n/a';
  }
  switch (item.type) {
    case 'boolean': {
      const checked = form.querySelector(`input[name="${name}"]:checked`)?.value ?? '';
      return checked === '' ? undefined : checked === 'true';
    }
    case 'likert5': {
      const checked = form.querySelector(`input[name="${name}"]:checked`)?.value ?? '';
      return checked === '' ? undefined : Number(checked);
    }
    case 'multi_choice': {
      // NOTE: no box ticked reads as unanswered, so the valid answer "an
      // empty list" can only be given through an exclusive option such as `none`.
      const ticked = [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);
      return ticked.length === 0 ? undefined : ticked;
    }
    case 'choice':
      return form.elements[name].value || undefined;
    case 'percent':
    case 'count':
    case 'number':
    case 'integer':
      return parseNumber(form.elements[name].value);
    default:
      return form.elements[name].value === '' ? undefined : form.elements[name].value;
  }
}

/** Builds the assessment from the form, leaving out what is not filled in. */
function readForm() {
  const assessment = { template: { id: template.id, version: template.version }, profile: {}, answers: {} };
  for (const item of described.profile) {
    assessment.profile[item.id] = readItem('profile', item);
  }
  for (const item of described.indicators) {
    assessment.answers[item.id] = readItem('answers', item);
  }

  const mode = form.elements['prioritisation.mode'].value;
  const entries = described.dimensions
    .map((dimension) => [dimension.id, form.elements[`prioritisation.${mode}.${dimension.id}`].value])
    .filter(([, typed]) => typed !== '')
    .map(([id, typed]) => [id, parseNumber(typed)]);
  const method = form.elements['prioritisation.method'].value;
  if (entries.length > 0 || method !== '') {
    assessment.prioritisation = { [mode]: Object.fromEntries(entries) };
    if (method !== '') {
      assessment.prioritisation.method = method;
    }
  }

  const date = form.elements['meta.date'].value;
  const role = form.elements['meta.respondent_role'].value.trim();
  if (date !== '' || role !== '') {
    assessment.meta = {};
    if (date !== '') assessment.meta.date = date;
    if (role !== '') assessment.meta.respondent_role = role;
  }
  return assessment;
}

function fillItem(section, item, value) {
  const name = `${section}.${item.id}`;
  const notApplicable = form.elements[`${name}.na`];
  if (notApplicable) {
    notApplicable.checked = value === 'n/a';
    notApplicable.closest('.field').classList.toggle('not-applicable', value === 'n/a');
  }
  if (value === undefined || value === null || value === 'n/a') {
    return;
  }
  switch (item.type) {
    case 'boolean':
    case 'likert5':
      for (const radio of form.querySelectorAll(`input[name="${name}"]`)) {
        radio.checked = radio.value === String(value);
      }
      return;
    case 'multi_choice':
      for (const box of form.querySelectorAll(`input[name="${name}"]`)) {
        box.checked = Array.isArray(value) && value.includes(box.value);
      }
      return;
    default:
      form.elements[name].value = String(value);
  }
}

/** Puts an assessment's values into the form, e.g. after a change of language. */
function fillForm(assessment) {
  for (const item of described.profile) {
    fillItem('profile', item, assessment.profile?.[item.id]);
  }
  for (const item of described.indicators) {
    fillItem('answers', item, assessment.answers?.[item.id]);
  }

  const prioritisation = assessment.prioritisation ?? {};
  const mode = prioritisation.points ? 'points' : 'ranks';
  const modeRadio = form.querySelector(`input[name="prioritisation.mode"][value="${mode}"]`);
  modeRadio.checked = true;
  modeRadio.dispatchEvent(new Event('change'));
  for (const [id, value] of Object.entries(prioritisation[mode] ?? {})) {
    const input = form.elements[`prioritisation.${mode}.${id}`];
    if (input) input.value = String(value);
  }
  form.elements['prioritisation.method'].value = prioritisation.method ?? '';
  form.elements['meta.date'].value = assessment.meta?.date ?? '';
  form.elements['meta.respondent_role'].value = assessment.meta?.respondent_role ?? '';
}

// ------------------------------------------------------------------ issues

/** Finds the slot for a path: its own field, or the nearest enclosing one. */
function slotFor(path) {
  let current = path;
  for (;;) {
    const holder = form.querySelector(`[data-path="${CSS.escape(current)}"]`);
    const slot = holder?.matches('ul.issues') ? holder : holder?.querySelector(':scope > ul.issues');
    if (slot) {
      return slot;
    }
    if (current === '') {
      return form.querySelector('.form-issues');
    }
    current = current.slice(0, current.lastIndexOf('/'));
  }
}

function showIssues(slot, issues) {
  slot.replaceChildren(...issues.map((issue) => h('li', { class: issue.severity, dataset: { code: issue.code } }, issue.message)));
  slot.closest('.field')?.classList.toggle('has-error', issues.some((issue) => issue.severity === 'error'));
}

function clearIssues() {
  for (const slot of form.querySelectorAll('ul.issues')) {
    showIssues(slot, []);
  }
}

/** Checks one field on its own as the user types. */
function validateLive(section, id) {
  const item = (section === 'profile' ? described.profile : described.indicators).find((entry) => entry.id === id);
  const issues = template.validateField(id, readItem(section, item), { lang });
  showIssues(slotFor(`/${section}/${id}`), issues);
}

// ----------------------------------------------------------------- results

function formatNumber(value, digits) {
  return new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

function levelLabel(id) {
  return described.levels.find((level) => level.id === id)?.label ?? '';
}

/** Shows a score as text and as a bar; the exact number stays in `data-score`. */
function scoreCell(score) {
  if (score === null) {
    return h('td', { class: 'score', dataset: { score: 'null' } }, text.notScored);
  }
  return h('td', { class: 'score', dataset: { score: String(score) } },
    h('span', { class: 'bar', style: `--score: ${score}` }),
    h('span', { class: 'value' }, formatNumber(score, 1)));
}

function renderScorecard(scorecard) {
  const rows = scorecard.dimensions.map((dimension) => h('tr', { dataset: { dimension: dimension.id } },
    h('th', { scope: 'row' }, described.dimensions.find((entry) => entry.id === dimension.id)?.label ?? dimension.id),
    scoreCell(dimension.score),
    h('td', { class: 'level' }, levelLabel(dimension.level)),
    h('td', { class: 'weight', dataset: { weight: String(dimension.weight) } }, `${formatNumber(dimension.weight * 100, 1)} %`),
    h('td', { class: 'coverage' }, `${formatNumber(dimension.coverage * 100, 0)} %`),
    h('td', { class: 'gap' }, dimension.priority_gap === null ? '' : formatNumber(dimension.priority_gap, 1))));

  const index = scorecard.index;
  const parts = [
    h('h2', {}, `${text.scorecard}: ${scorecard.name ?? ''}`),
    h('p', { class: 'index' },
      `${text.index}: `,
      h('strong', { id: 'index-score', dataset: { score: String(index.score) } }, index.score === null ? text.notScored : formatNumber(index.score, 1)),
      index.level ? h('span', { class: 'level' }, ` ${levelLabel(index.level)}`) : null),
    h('table', { class: 'dimensions' },
      h('thead', {}, h('tr', {}, [text.dimension, text.score, text.level, text.weight, text.coverage, text.priorityGap].map((heading) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, rows)),
    scorecard.issues.length === 0 ? null : h('section', { class: 'warnings' },
      h('h3', {}, text.warnings),
      h('ul', {}, scorecard.issues.map((issue) => h('li', { class: issue.severity }, issue.message)))),
    comparisonSection(scorecard),
    adviceSection(scorecard),
  ];
  results.replaceChildren(...parts.filter((part) => part !== null));
  results.hidden = false;
}

/** Turns SVG text from the engine into an element; the engine escapes every text in it. */
function svgElement(svgText) {
  const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  return document.importNode(parsed.documentElement, true);
}

/** Builds the radar of the scorecard over the example cohort's median and interquartile band. */
function comparisonSection(scorecard) {
  const radar = siat.radarSvg(scorecard, { cohort, lang });
  const notes = { ready: () => text.comparisonNote(cohort.size), missing: () => text.comparisonMissing, loading: () => null };
  const note = notes[cohortStatus]();
  return h('section', { id: 'comparison' },
    h('h3', {}, text.comparison),
    h('figure', { class: 'radar' }, svgElement(radar)),
    note === null ? null : h('p', { class: 'note' }, note));
}

/** Builds the list of recommendations from the knowledge base, largest priority gap first. */
function adviceSection(scorecard) {
  const advice = siat.advise(scorecard, { lang });
  const items = advice.map((recommendation) => h('li', { dataset: { indicator: recommendation.indicator } },
    h('p', { class: 'recommendation' }, recommendation.text),
    h('p', { class: 'practices' }, `${text.practices}: ${recommendation.practices.map((practice) => practice.title).join(' · ')}`)));
  return h('section', { id: 'advice' },
    h('h3', {}, text.advice),
    advice.length === 0 ? h('p', {}, text.adviceNone) : h('ol', {}, items));
}

/** Loads the example cohort through the local server and compares it once. */
async function loadCohort() {
  try {
    const names = await (await fetch(COHORT_INDEX)).json();
    const pairs = await Promise.all(names.map(async (name) => ({ label: name, assessment: await (await fetch(`cohort/${encodeURIComponent(name)}`)).json() })));
    cohort = siat.compareCohort(pairs);
    cohortStatus = 'ready';
  } catch (error) {
    cohortStatus = 'missing';
    console.warn(`the example cohort could not be loaded: ${error.message}`);
  }
  document.body.dataset.cohort = cohortStatus;
  if (!results.hidden) {
    submit();
  }
}

/** Validates and scores the whole form; errors go next to their fields. */
function submit(event) {
  event?.preventDefault();
  clearIssues();

  const report = template.check(readForm(), { lang });
  const byPath = new Map();
  for (const issue of report.issues) {
    const slot = slotFor(issue.path);
    byPath.set(slot, [...(byPath.get(slot) ?? []), issue]);
  }
  for (const [slot, issues] of byPath) {
    showIssues(slot, issues);
  }

  if (!report.valid) {
    const errors = report.issues.filter((issue) => issue.severity === 'error').length;
    status.textContent = text.invalid(errors);
    status.className = 'status error';
    results.hidden = true;
    form.querySelector('.has-error')?.scrollIntoView({ block: 'center' });
    return;
  }
  status.textContent = '';
  status.className = 'status';
  renderScorecard(report.scorecard);
  results.scrollIntoView({ block: 'start' });
}

function switchLanguage() {
  const values = readForm();
  lang = languageSelect.value;
  described = template.describe(lang);
  text = UI[lang];
  render();
  fillForm(values);

  // Messages are written in the language of the request, so ask again.
  for (const [section, items] of [['profile', described.profile], ['answers', described.indicators]]) {
    for (const item of items) {
      if (values[section][item.id] !== undefined) {
        validateLive(section, item.id);
      }
    }
  }
  if (!results.hidden) {
    submit();
  } else if (status.classList.contains('error')) {
    status.textContent = '';
  } else {
    status.textContent = text.ready;
  }
}

render();
form.addEventListener('submit', submit);
languageSelect.addEventListener('change', switchLanguage);
status.textContent = text.ready;
document.body.dataset.ready = 'true';
loadCohort();
