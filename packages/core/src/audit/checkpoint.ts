// Signed checkpoints of the audit log and co-signatures by witnesses, in the C2SP formats:
// - tlog-checkpoint (https://c2sp.org/tlog-checkpoint): origin line, tree size in decimal, root
//   hash in standard base64, then extension lines; we add one, `time <RFC 3339 UTC>`, because the
//   issue asks for a checkpoint over (size, root, time).
// - signed-note (https://c2sp.org/signed-note): the body, an empty line, then one line per
//   signature "— <key name> <base64(key hash[4] || signature)>"; for Ed25519 (type 0x01) the key
//   hash is the first four bytes of SHA-256(name || 0x0A || 0x01 || public key) and the signature
//   is over the body's bytes.
// - tlog-cosignature (https://c2sp.org/tlog-cosignature): a witness signs
//   "cosignature/v1\ntime <unix seconds>\n" followed by the checkpoint body with Ed25519; type 0x04;
//   the line carries key hash[4] || time (8 bytes, big-endian) || signature.
import { type Sha256, base64ToBytes, bytesToBase64, bytesToHex, hexToBytes, utf8 } from './merkle.ts';

export const NOTE_SIG_ED25519 = 0x01;
export const NOTE_SIG_COSIGNATURE_V1 = 0x04;

export interface CheckpointBody {
  origin: string;
  size: number;
  /** Root hash, lowercase hex. */
  root: string;
  /** When the node signed it (RFC 3339 UTC, milliseconds). */
  time: string;
}

/** A note key: its name and the public key's raw 32 bytes (hex). */
export interface NoteKey {
  name: string;
  publicKey: string;
}

/** The raw Ed25519 signer: bytes in, 64-byte signature out. */
export type SignBytes = (message: Uint8Array) => Uint8Array;
export type VerifyBytes = (message: Uint8Array, signature: Uint8Array) => boolean;

export function noteKeyHash(h: Sha256, key: NoteKey, type: number): Uint8Array {
  const name = utf8(key.name);
  const pub = hexToBytes(key.publicKey);
  const data = new Uint8Array(name.length + 2 + pub.length);
  data.set(name, 0);
  data[name.length] = 0x0a;
  data[name.length + 1] = type;
  data.set(pub, name.length + 2);
  return h.sha256(data).slice(0, 4);
}

export function checkpointText(b: CheckpointBody): string {
  if (/[\n\s]/.test(b.origin) || b.origin === '') throw new Error('a checkpoint origin is one word');
  return `${b.origin}\n${b.size}\n${bytesToBase64(hexToBytes(b.root))}\ntime ${b.time}\n`;
}

export interface NoteSignature {
  name: string;
  /** The four-byte key hash, hex. */
  keyHash: string;
  /** The rest of the decoded signature (for a cosignature: time and signature). */
  payload: Uint8Array;
}

export interface ParsedCheckpoint extends CheckpointBody {
  /** The signed text (the note body, ending with a newline). */
  body: string;
  signatures: NoteSignature[];
}

export class NoteFormatError extends Error {}

/** Parses a signed note holding a checkpoint; throws NoteFormatError on anything malformed. */
export function parseCheckpointNote(note: string): ParsedCheckpoint {
  const split = note.indexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new NoteFormatError('not a signed note');
  const body = note.slice(0, split + 1);
  const lines = body.slice(0, -1).split('\n');
  const [origin, sizeText, rootText, ...ext] = lines;
  if (!origin || !sizeText || !rootText) throw new NoteFormatError('a checkpoint has an origin, a size and a root hash');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText)) throw new NoteFormatError('the tree size is not a decimal number');
  let root: Uint8Array;
  try {
    root = base64ToBytes(rootText);
  } catch {
    throw new NoteFormatError('the root hash is not base64');
  }
  if (root.length !== 32) throw new NoteFormatError('the root hash is not 32 bytes');
  const time = ext.find((l) => l.startsWith('time '))?.slice(5) ?? '';
  const signatures: NoteSignature[] = [];
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m) throw new NoteFormatError('a signature line is malformed');
    let raw: Uint8Array;
    try {
      raw = base64ToBytes(m[2]!);
    } catch {
      throw new NoteFormatError('a signature is not base64');
    }
    if (raw.length < 5) throw new NoteFormatError('a signature is too short');
    signatures.push({ name: m[1]!, keyHash: bytesToHex(raw.slice(0, 4)), payload: raw.slice(4) });
  }
  if (signatures.length === 0) throw new NoteFormatError('the note has no signature');
  return { origin, size: Number(sizeText), root: bytesToHex(root), time, body, signatures };
}

function signatureLine(name: string, keyHash: Uint8Array, payload: Uint8Array): string {
  const raw = new Uint8Array(4 + payload.length);
  raw.set(keyHash, 0);
  raw.set(payload, 4);
  return `\u2014 ${name} ${bytesToBase64(raw)}\n`;
}

/** Signs a checkpoint as the log: the note with the log's own Ed25519 signature line. */
export function signCheckpoint(h: Sha256, key: NoteKey, sign: SignBytes, b: CheckpointBody): string {
  const body = checkpointText(b);
  return `${body}\n${signatureLine(key.name, noteKeyHash(h, key, NOTE_SIG_ED25519), sign(utf8(body)))}`;
}

/** Whether the note carries a valid signature by `key` (the log's own key). */
export function verifyCheckpointSignature(h: Sha256, key: NoteKey, verify: VerifyBytes, note: ParsedCheckpoint): boolean {
  const kh = bytesToHex(noteKeyHash(h, key, NOTE_SIG_ED25519));
  return note.signatures.some((s) => s.name === key.name && s.keyHash === kh && s.payload.length === 64 && verify(utf8(note.body), s.payload));
}

function cosignedMessage(body: string, time: number): Uint8Array {
  return utf8(`cosignature/v1\ntime ${time}\n${body}`);
}

function u64(n: number): Uint8Array {
  const out = new Uint8Array(8);
  let v = BigInt(n);
  for (let i = 7; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

function readU64(b: Uint8Array): number {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return Number(v);
}

/** A witness's co-signature line over a checkpoint body (tlog-cosignature v1). */
export function cosignCheckpoint(h: Sha256, witness: NoteKey, sign: SignBytes, body: string, time: Date): string {
  const t = Math.floor(time.getTime() / 1000);
  const sig = sign(cosignedMessage(body, t));
  const payload = new Uint8Array(8 + sig.length);
  payload.set(u64(t), 0);
  payload.set(sig, 8);
  return signatureLine(witness.name, noteKeyHash(h, witness, NOTE_SIG_COSIGNATURE_V1), payload).slice(0, -1);
}

/** Checks one co-signature line by `witness` over `body`; returns its time, or null when invalid. */
export function verifyCosignature(h: Sha256, witness: NoteKey, verify: VerifyBytes, body: string, line: string): Date | null {
  const m = /^\u2014 (\S+) (\S+)$/.exec(line);
  if (!m || m[1] !== witness.name) return null;
  let raw: Uint8Array;
  try {
    raw = base64ToBytes(m[2]!);
  } catch {
    return null;
  }
  if (raw.length !== 4 + 8 + 64) return null;
  if (bytesToHex(raw.slice(0, 4)) !== bytesToHex(noteKeyHash(h, witness, NOTE_SIG_COSIGNATURE_V1))) return null;
  const t = readU64(raw.slice(4, 12));
  return verify(cosignedMessage(body, t), raw.slice(12)) ? new Date(t * 1000) : null;
}
