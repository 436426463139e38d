// Evidence transfer between nodes (issue 12 part 5), the pure rules. A large item does not travel
// as base64 inside a JSON envelope: a signed, encrypted `evidence.offer` envelope announces it
// (metadata, hashes, timestamp tokens, custody, marking, a per-transfer content key, the chunk size
// and the SHA-256 of every chunk), and the chunks follow as binary HTTP bodies, each AES-256-GCM
// under the content key with a nonce and associated data fixed by its index. The receiver keeps
// what arrived and says so; the sender sends only what is missing.

/** The content encryption of chunks. */
export const TRANSFER_CONTENT_ALG = 'A256GCM-CHUNKED-v1';
/** Purpose strings of what the sender signs over a chunk or status request. */
export const TRANSFER_REQUEST_PURPOSE = 'comity-transfer-request-v1';
/** Largest chunk a node accepts (and smallest, so a 1 GiB item is not 10^6 requests). */
export const MAX_TRANSFER_CHUNK = 16 * 1024 * 1024;
export const MIN_TRANSFER_CHUNK = 64 * 1024;
/** GCM tag appended to every encrypted chunk. */
export const GCM_TAG_BYTES = 16;

export function chunkCountOf(size: number, chunkSize: number): number {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError('size must be a non-negative integer');
  if (!Number.isSafeInteger(chunkSize) || chunkSize <= 0) throw new RangeError('chunkSize must be a positive integer');
  return size === 0 ? 0 : Math.ceil(size / chunkSize);
}

/** Plaintext length of chunk `index` of an item of `size` bytes. */
export function chunkLength(size: number, chunkSize: number, index: number): number {
  const count = chunkCountOf(size, chunkSize);
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`chunk ${index} of ${count}`);
  return index === count - 1 ? size - index * chunkSize : chunkSize;
}

/**
 * The 12-byte GCM nonce of chunk `index`: four zero bytes and the index as a 64-bit big-endian
 * integer. The key is fresh for each transfer, so (key, nonce) never repeats with other content;
 * a chunk sent twice is the same plaintext under the same nonce, hence the same ciphertext.
 */
export function chunkNonce(index: number): Uint8Array {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError('chunk index');
  const nonce = new Uint8Array(12);
  let v = index;
  for (let i = 11; i >= 4; i--) {
    nonce[i] = v % 256;
    v = Math.floor(v / 256);
  }
  return nonce;
}

/** The associated data of chunk `index`: binds it to its transfer, its place and the chunk count. */
export function chunkAad(transferId: string, index: number, chunkCount: number): string {
  return `comity-transfer-chunk-v1|${transferId}|${index}|${chunkCount}`;
}

export interface TransferRequestClaims {
  purpose: typeof TRANSFER_REQUEST_PURPOSE;
  method: 'GET' | 'PUT';
  sender: string;
  recipient: string;
  transferId: string;
  /** The chunk a PUT carries; null for the status question. */
  index: number | null;
  createdAt: string;
}

export function transferRequestClaims(input: Omit<TransferRequestClaims, 'purpose'>): TransferRequestClaims {
  return { purpose: TRANSFER_REQUEST_PURPOSE, ...input };
}

/** Indices in [0, count) that are not in `have`, ascending. */
export function missingChunks(have: Iterable<number>, count: number): number[] {
  const got = new Set(have);
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (!got.has(i)) out.push(i);
  return out;
}

/** Checks the shape of an offer's content description; returns the problem or null. */
export function contentProblem(content: { size: number; chunkSize: number; chunkCount: number; chunkSha256: readonly string[] }): string | null {
  if (content.chunkSize < MIN_TRANSFER_CHUNK || content.chunkSize > MAX_TRANSFER_CHUNK) {
    return `chunkSize must be between ${MIN_TRANSFER_CHUNK} and ${MAX_TRANSFER_CHUNK} bytes`;
  }
  const count = chunkCountOf(content.size, content.chunkSize);
  if (content.chunkCount !== count) return `an item of ${content.size} bytes in chunks of ${content.chunkSize} has ${count} chunks, not ${content.chunkCount}`;
  if (content.chunkSha256.length !== count) return `${content.chunkSha256.length} chunk digests for ${count} chunks`;
  return null;
}
