/**
 * A CSDL XML ($metadata) writer for OData 4.0 (OASIS "OData Version 4.0 Part 3: CSDL", XML form).
 * It knows nothing about Dataverse or Finance: simulator/schema/metadata.ts describes each service with
 * the plain model below, built from the entity definitions (simulator/schema.ts), and this file writes it.
 */

export interface CsdlAnnotation {
  readonly term: string;
  readonly bool?: boolean;
  readonly string?: string;
}

export interface CsdlProperty {
  readonly name: string;
  /** Qualified type, e.g. `Edm.String`, `Collection(mscrm.Label)`. */
  readonly type: string;
  readonly nullable?: boolean;
  readonly maxLength?: number;
  /** `Variable` for decimals whose scale varies (Edm.Decimal defaults to scale 0 in CSDL 4.0). */
  readonly scale?: 'Variable';
  /** Dataverse declares its strings with `Unicode="false"` (web-api-properties.md). */
  readonly unicode?: false;
  readonly annotations?: readonly CsdlAnnotation[];
}

export interface CsdlNavigation {
  readonly name: string;
  readonly type: string;
  readonly nullable?: boolean;
  readonly containsTarget?: boolean;
  /** Dependent property → principal property (a lookup's `_x_value` → the target's key). */
  readonly constraint?: { readonly property: string; readonly referencedProperty: string };
  readonly annotations?: readonly CsdlAnnotation[];
}

export interface CsdlStructured {
  readonly kind: 'EntityType' | 'ComplexType';
  readonly name: string;
  readonly baseType?: string;
  readonly abstract?: boolean;
  readonly openType?: boolean;
  readonly key?: readonly string[];
  readonly properties: readonly CsdlProperty[];
  readonly navigation?: readonly CsdlNavigation[];
  readonly annotations?: readonly CsdlAnnotation[];
}

export interface CsdlEnum {
  readonly name: string;
  readonly members: readonly { readonly name: string; readonly value: number }[];
}

export interface CsdlParameter {
  readonly name: string;
  readonly type: string;
  readonly nullable?: boolean;
}

export interface CsdlOperation {
  readonly kind: 'Action' | 'Function';
  readonly name: string;
  readonly bound: boolean;
  /** The binding parameter first when bound. */
  readonly parameters: readonly CsdlParameter[];
  readonly returnType?: { readonly type: string; readonly nullable?: boolean };
  readonly annotations?: readonly CsdlAnnotation[];
}

export interface CsdlEntitySet {
  readonly name: string;
  readonly entityType: string;
  readonly bindings?: readonly { readonly path: string; readonly target: string }[];
  readonly annotations?: readonly CsdlAnnotation[];
}

export interface CsdlTerm {
  readonly name: string;
  readonly type: string;
  readonly appliesTo: string;
  readonly defaultValue?: string;
}

export interface CsdlSchema {
  readonly namespace: string;
  readonly alias?: string;
  readonly enums?: readonly CsdlEnum[];
  readonly types?: readonly CsdlStructured[];
  readonly operations?: readonly CsdlOperation[];
  readonly terms?: readonly CsdlTerm[];
  readonly container?: {
    readonly name: string;
    readonly entitySets: readonly CsdlEntitySet[];
    /** Unbound functions exposed by the container (`FunctionImport`). */
    readonly functionImports?: readonly { readonly name: string; readonly function: string }[];
  };
}

export interface CsdlReference {
  readonly uri: string;
  readonly namespace: string;
  readonly alias: string;
}

export interface CsdlDocument {
  readonly references?: readonly CsdlReference[];
  readonly schemas: readonly CsdlSchema[];
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** `<name a="…" b="…"` with undefined attributes left out. */
function open(name: string, attrs: Readonly<Record<string, string | number | boolean | undefined>>): string {
  let out = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out += ` ${k}="${escapeXml(String(v))}"`;
  return out;
}

/** An element: self-closing without children. */
function el(name: string, attrs: Readonly<Record<string, string | number | boolean | undefined>>, children: readonly string[] = []): string {
  return children.length === 0 ? `${open(name, attrs)}/>` : `${open(name, attrs)}>${children.join('')}</${name}>`;
}

const annotationXml = (a: CsdlAnnotation): string => el('Annotation', { Term: a.term, Bool: a.bool, String: a.string });
const annotationsXml = (list: readonly CsdlAnnotation[] | undefined): string[] => (list ?? []).map(annotationXml);

function propertyXml(p: CsdlProperty): string {
  return el('Property', {
    Name: p.name, Type: p.type, Nullable: p.nullable === false ? 'false' : undefined, MaxLength: p.maxLength,
    Scale: p.scale, Unicode: p.unicode === false ? 'false' : undefined,
  }, annotationsXml(p.annotations));
}

function navigationXml(n: CsdlNavigation): string {
  const children = n.constraint ? [el('ReferentialConstraint', { Property: n.constraint.property, ReferencedProperty: n.constraint.referencedProperty })] : [];
  return el('NavigationProperty', {
    Name: n.name, Type: n.type, Nullable: n.nullable === false ? 'false' : undefined, ContainsTarget: n.containsTarget ? 'true' : undefined,
  }, [...children, ...annotationsXml(n.annotations)]);
}

function structuredXml(t: CsdlStructured): string {
  const key = t.key && t.key.length ? [el('Key', {}, t.key.map((k) => el('PropertyRef', { Name: k })))] : [];
  return el(t.kind, {
    Name: t.name, BaseType: t.baseType, Abstract: t.abstract ? 'true' : undefined, OpenType: t.openType ? 'true' : undefined,
  }, [...key, ...t.properties.map(propertyXml), ...(t.navigation ?? []).map(navigationXml), ...annotationsXml(t.annotations)]);
}

function operationXml(o: CsdlOperation): string {
  const params = o.parameters.map((p) => el('Parameter', { Name: p.name, Type: p.type, Nullable: p.nullable === false ? 'false' : undefined }));
  const ret = o.returnType ? [el('ReturnType', { Type: o.returnType.type, Nullable: o.returnType.nullable === false ? 'false' : undefined })] : [];
  return el(o.kind, { Name: o.name, IsBound: o.bound ? 'true' : undefined }, [...params, ...ret, ...annotationsXml(o.annotations)]);
}

function schemaXml(s: CsdlSchema): string {
  const children: string[] = [
    ...(s.enums ?? []).map((e) => el('EnumType', { Name: e.name }, e.members.map((m) => el('Member', { Name: m.name, Value: m.value })))),
    ...(s.types ?? []).map(structuredXml),
    ...(s.operations ?? []).map(operationXml),
    ...(s.terms ?? []).map((t) => el('Term', { Name: t.name, Type: t.type, AppliesTo: t.appliesTo, DefaultValue: t.defaultValue })),
  ];
  if (s.container) {
    const c = s.container;
    children.push(el('EntityContainer', { Name: c.name }, [
      ...c.entitySets.map((es) => el('EntitySet', { Name: es.name, EntityType: es.entityType }, [
        ...(es.bindings ?? []).map((b) => el('NavigationPropertyBinding', { Path: b.path, Target: b.target })),
        ...annotationsXml(es.annotations),
      ])),
      ...(c.functionImports ?? []).map((f) => el('FunctionImport', { Name: f.name, Function: f.function })),
    ]));
  }
  return el('Schema', { Namespace: s.namespace, Alias: s.alias, xmlns: 'http://docs.oasis-open.org/odata/ns/edm' }, children);
}

/** The whole `$metadata` document (CSDL XML, OData 4.0). */
export function writeCsdl(doc: CsdlDocument): string {
  const refs = (doc.references ?? []).map((r) => el('edmx:Reference', { Uri: r.uri }, [el('edmx:Include', { Namespace: r.namespace, Alias: r.alias })]));
  return '<?xml version="1.0" encoding="utf-8"?>'
    + el('edmx:Edmx', { Version: '4.0', 'xmlns:edmx': 'http://docs.oasis-open.org/odata/ns/edmx' }, [
      ...refs,
      el('edmx:DataServices', {}, doc.schemas.map(schemaXml)),
    ]);
}
