/**
 * `@odata.context` of an entity set or a single entity (OData 4.01 Part 1 §10, "Context URL"; the 4.0 rules
 * are the same for these cases): `{metadata}#{set}`, `{metadata}#{set}/$entity` for one entity, and after
 * `$select`/`$expand` the projection in parentheses, `#accounts(name,revenue)`; an expanded navigation property
 * is listed with its own projection, `primarycontactid(fullname)`, or `primarycontactid()` when it has none
 * (§10.10 "Expanded Entity"). Dataverse answers so (powerapps-docs webapi/query-data-web-api.md,
 * retrieve-related-table-records: `$metadata#accounts(name,primarycontactid(fullname),…)/$entity`).
 */
export interface ContextProjection {
  /** `$select` as parsed; undefined = no `$select`. */
  readonly select?: readonly string[];
  readonly expand?: readonly { readonly name: string; readonly select?: readonly string[] }[];
}

export function contextUrl(metadataUrl: string, set: string, projection: ContextProjection = {}, entity = false): string {
  const items = [...(projection.select ?? [])];
  for (const x of projection.expand ?? []) items.push(`${x.name}(${(x.select ?? []).join(',')})`);
  const list = projection.select !== undefined || items.length > 0 ? `(${items.join(',')})` : '';
  return `${metadataUrl}#${set}${list}${entity ? '/$entity' : ''}`;
}
