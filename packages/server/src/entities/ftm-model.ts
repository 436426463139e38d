// The FollowTheMoney model from @alephdata/followthemoney: which properties a schema has and their
// types. Entities are checked against it here (property names, value types, required properties,
// the range of entity-typed properties) instead of re-declaring the model.
import { type EntityProblem, type FtmProperties, FTM_ID, isOfferedSchema } from '@comity/core/entities/entity';
import { normaliseIban } from '@comity/core/matching/identifiers';
import ftm from '@alephdata/followthemoney';

const { Model, defaultModel } = ftm;
export const FTM_MODEL = new Model(defaultModel);

type Schema = ReturnType<typeof FTM_MODEL.getSchema>;

export function ftmSchema(name: string): Schema | undefined {
  if (!isOfferedSchema(name)) return undefined;
  try {
    return FTM_MODEL.getSchema(name);
  } catch {
    return undefined;
  }
}

export function isLinkSchema(schema: Schema): boolean {
  return schema.isEdge;
}

/** The two ends of an FtM edge schema (property names), e.g. Ownership: owner → asset. */
export function linkEnds(schema: Schema): { source: string; target: string; directed: boolean } | null {
  if (!schema.isEdge || !schema.edge) return null;
  return { source: schema.edge.source, target: schema.edge.target, directed: schema.edge.directed };
}

const DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[0-9][0-9 ()./-]{3,30}$/;
const NUMBER = /^-?[0-9][0-9 ,.]*$/;

function checkValue(typeName: string, values: ReadonlyMap<string, string>, value: string): string | null {
  switch (typeName) {
    case 'date':
      return DATE.test(value) ? null : 'a date as YYYY, YYYY-MM or YYYY-MM-DD';
    case 'email':
      return EMAIL.test(value) ? null : 'an e-mail address';
    case 'phone':
      return PHONE.test(value) ? null : 'a phone number (digits, with + and the country code)';
    case 'iban':
      return normaliseIban(value) ? null : 'an IBAN with a valid check digit';
    case 'number':
      return NUMBER.test(value) ? null : 'a number';
    case 'url':
      try {
        const u = new URL(value);
        return u.protocol === 'http:' || u.protocol === 'https:' ? null : 'an http(s) URL';
      } catch {
        return 'an http(s) URL';
      }
    case 'country':
    case 'language':
    case 'gender':
    case 'topic':
      return values.has(value.toLowerCase()) ? null : `one of the FtM ${typeName} codes`;
    case 'entity':
      return FTM_ID.test(value) ? null : 'the id of an entity';
    default:
      return null;
  }
}

export interface CheckedEntity {
  schema: Schema;
  properties: FtmProperties;
  /** Entity-typed values: property → FtM ids (resolved by the caller, within the case). */
  refs: { property: string; ftmId: string; range: string | null }[];
  caption: string;
  problems: EntityProblem[];
}

/**
 * Checks an entity against the FtM model and cleans it: every property must exist on the schema,
 * every value have the property's type, the schema's required properties be present. Codes of
 * closed vocabularies (country, language, gender) are lower-cased as FtM writes them.
 */
export function checkEntity(schemaName: string, input: unknown): CheckedEntity | { problems: EntityProblem[] } {
  const schema = ftmSchema(schemaName);
  if (!schema) return { problems: [{ property: null, code: 'unknown_schema', message: `"${schemaName}" is not a schema a case holds here.` }] };
  const problems: EntityProblem[] = [];
  const properties: FtmProperties = {};
  const refs: CheckedEntity['refs'] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { problems: [{ property: null, code: 'bad_properties', message: 'properties must be an object of lists of strings.' }] };
  }
  for (const [name, raw] of Object.entries(input)) {
    if (!schema.hasProperty(name)) {
      problems.push({ property: name, code: 'unknown_property', message: `${schema.name} has no property "${name}".` });
      continue;
    }
    const prop = schema.getProperty(name);
    const list = Array.isArray(raw) ? raw : [raw];
    const clean: string[] = [];
    for (const v of list) {
      if (typeof v !== 'string') {
        problems.push({ property: name, code: 'bad_value', message: `${name}: values are strings.` });
        continue;
      }
      let value = v.replace(/\p{Cc}/gu, ' ').trim();
      if (!value) continue;
      if (value.length > prop.maxLength) {
        problems.push({ property: name, code: 'too_long', message: `${name}: at most ${prop.maxLength} characters.` });
        continue;
      }
      const wrong = checkValue(prop.type.name, prop.type.values, value);
      if (wrong) {
        problems.push({ property: name, code: `bad_${prop.type.name}`, message: `${name}: "${value.slice(0, 80)}" is not ${wrong}.` });
        continue;
      }
      if (['country', 'language', 'gender', 'topic'].includes(prop.type.name)) value = value.toLowerCase();
      if (!clean.includes(value)) clean.push(value);
      if (prop.type.isEntity) refs.push({ property: name, ftmId: value, range: prop.hasRange ? prop.getRange().name : null });
    }
    if (clean.length) properties[name] = clean;
  }
  for (const req of schema.required) {
    if (!properties[req]?.length && !problems.some((p) => p.property === req)) {
      problems.push({ property: req, code: 'required', message: `${schema.name} needs "${req}".` });
    }
  }
  if (problems.length) return { problems };
  return { schema, properties, refs, caption: captionOf(schema, properties), problems };
}

/** The display name: the first caption property with a value (FtM's rule), else the schema's label. */
export function captionOf(schema: Schema, properties: FtmProperties): string {
  for (const p of schema.caption) {
    const v = properties[p]?.[0];
    if (v) return v;
  }
  return schema.label;
}

/** Every name the entity goes by (values of FtM name-typed properties, and the caption), for lookup. */
export function lookupText(schema: Schema, properties: FtmProperties, caption: string): string {
  const names = new Set<string>([caption]);
  for (const [prop, values] of Object.entries(properties)) {
    if (schema.hasProperty(prop) && schema.getProperty(prop).type.name === 'name') for (const v of values) names.add(v);
  }
  return [...names].join('\n');
}
