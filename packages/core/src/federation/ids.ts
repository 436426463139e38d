// Message ids are UUIDv7 (RFC 9562): time-ordered, so an inbox sorted by id is roughly sorted by
// creation, and unique without coordination. Randomness comes from the caller (core has no I/O).

/** Builds a UUIDv7 from a Unix time in milliseconds and at least 10 random bytes. */
export function uuidv7(unixMs: number, random: Uint8Array): string {
  if (random.length < 10) throw new RangeError('uuidv7 needs 10 random bytes');
  if (!Number.isInteger(unixMs) || unixMs < 0 || unixMs > 0xffffffffffff) throw new RangeError('uuidv7: time out of range');
  const b = new Uint8Array(16);
  let t = unixMs;
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  for (let i = 0; i < 10; i++) b[6 + i] = random[i]!;
  b[6] = 0x70 | (b[6]! & 0x0f); // version 7
  b[8] = 0x80 | (b[8]! & 0x3f); // RFC 9562 variant
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidV7(value: string): boolean {
  return UUIDV7.test(value);
}

/** The creation time a UUIDv7 carries, in milliseconds. */
export function uuidv7Time(value: string): number {
  return Number.parseInt(value.replace(/-/g, '').slice(0, 12), 16);
}
