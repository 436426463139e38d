// Compares the committed API document with the one the server produces now and lists what would
// break an existing client: a removed operation, response code, schema or field; an input field,
// parameter or value a client now has to send differently. Additions are never breaking.
type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function operations(document: Json): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const [path, item] of Object.entries(record(document.paths))) {
    for (const method of METHODS) {
      const operation = record(item)[method];
      if (operation) out.set(`${method.toUpperCase()} ${path}`, record(operation));
    }
  }
  return out;
}

/** Walks two versions of one schema side by side; `input` says whether clients send it. */
function compareSchema(before: Json, after: Json, where: string, input: boolean, out: string[]): void {
  if (typeof before.$ref === 'string' || typeof after.$ref === 'string') {
    if (before.$ref !== after.$ref) out.push(`${where}: now refers to ${String(after.$ref ?? 'an inline schema')} instead of ${String(before.$ref ?? 'an inline schema')}`);
    return;
  }
  const beforeProps = record(before.properties);
  const afterProps = record(after.properties);
  for (const [name, schema] of Object.entries(beforeProps)) {
    if (!(name in afterProps)) out.push(`${where}.${name}: field removed`);
    else compareSchema(record(schema), record(afterProps[name]), `${where}.${name}`, input, out);
  }
  const wasRequired = new Set(strings(before.required));
  for (const name of strings(after.required)) {
    if (input && !wasRequired.has(name)) out.push(`${where}.${name}: now required`);
  }
  if (!input) {
    for (const name of wasRequired) if (name in afterProps && !strings(after.required).includes(name)) out.push(`${where}.${name}: no longer always present`);
  }
  if (input && Array.isArray(before.enum) && Array.isArray(after.enum)) {
    for (const value of before.enum) if (!after.enum.includes(value)) out.push(`${where}: value ${JSON.stringify(value)} no longer accepted`);
  }
  if (before.items || after.items) compareSchema(record(before.items), record(after.items), `${where}[]`, input, out);
}

/** Human-readable list of breaking changes from `committed` to `live`; empty when compatible. */
export function breakingChanges(committed: Json, live: Json): string[] {
  const out: string[] = [];
  const liveOps = operations(live);
  for (const [key, before] of operations(committed)) {
    const after = liveOps.get(key);
    if (!after) {
      out.push(`${key}: operation removed`);
      continue;
    }
    const afterResponses = record(after.responses);
    for (const status of Object.keys(record(before.responses))) {
      if (/^[23]/.test(status) && !(status in afterResponses)) out.push(`${key}: response ${status} removed`);
    }
    const params = (op: Json) => new Map((Array.isArray(op.parameters) ? op.parameters : []).map((p) => [`${String(record(p).in)} ${String(record(p).name)}`, record(p)]));
    const beforeParams = params(before);
    for (const [name, p] of params(after)) {
      if (p.required === true && beforeParams.get(name)?.required !== true) out.push(`${key}: parameter ${name} now required`);
    }
    for (const name of beforeParams.keys()) if (!params(after).has(name)) out.push(`${key}: parameter ${name} removed`);
    if (!before.requestBody && record(after.requestBody).required === true) out.push(`${key}: request body now required`);
  }
  const liveSchemas = record(record(live.components).schemas);
  for (const [name, schema] of Object.entries(record(record(committed.components).schemas))) {
    if (!(name in liveSchemas)) {
      out.push(`components.schemas.${name}: schema removed`);
      continue;
    }
    // zod's transform names what clients send `…Input`; the rest is what they receive.
    compareSchema(record(schema), record(liveSchemas[name]), `components.schemas.${name}`, name.endsWith('Input'), out);
  }
  return out;
}
