/** Shared OData pieces, pure functions: `$filter`, query options, ETags, `Prefer`, keys, ids. */
export * from './flavour.js';
export * from './schema.js';
export * from './decimal.js';
export * from './filter.js';
export * from './query.js';
export * from './etag.js';
export * from './prefer.js';
export * from './keys.js';
export * from './ids.js';
export * from './apply.js';
export * from './crm-functions.js';
