// RFC 8785 (JCS) canonical JSON for the values the core hashes and signs: plain objects, arrays,
// strings, finite numbers, booleans and null. Keys are sorted by UTF-16 code units, as JCS requires.
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

export function canonicalJson(value: JsonValue | undefined): string {
  if (value === null) return 'null';
  if (value === undefined) throw new TypeError('canonicalJson: undefined is not JSON');
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      // ECMAScript number serialisation is what JCS specifies.
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      const keys = Object.keys(value)
        .filter((k) => value[k] !== undefined)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: unsupported type ${typeof value}`);
  }
}
