export { parseFetchXml, type EntityResolver } from './parse.js';
export { runFetch, type FetchResult, type JoinedRow, type AggregateRow } from './run.js';
export type { FetchQuery, Attribute, Column } from './model.js';
export { parseXml, MAX_XML_CHARS, MAX_DEPTH } from './xml.js';
