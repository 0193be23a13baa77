/** Public API of the terminology checker; importing it has no side effects. */
export { checkProject, GLOSSARY_FILE } from './project.js';
export { checkDocuments, checkDocumentText } from './documents.js';
export { renderTerminologyHtml } from './html.js';
export { formatJson, formatTable, groupFindings } from './report.js';
export { indexGlossary, loadGlossary, validateGlossary } from './glossary.js';
export type { Finding, Report, RuleId, Severity, Lng, Glossary, Concept } from './types.js';
