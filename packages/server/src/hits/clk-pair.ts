// Names with dates of birth between two nodes: keyed CLK encodings (core/matching/clk.ts: HMAC per
// field, random hashing, 2048→1024 XOR-folding) under a secret only the two nodes share, derived
// from their X25519 card keys and rotated every month (the epoch salts the derivation), compared by
// Dice. No message establishes the secret: each side computes X25519(own private, peer public) and
// HKDF-SHA-256 with both node ids as salt and the epoch in `info`. The encodings sent carry BLIP noise
// (each bit flipped with probability BLIP_FLIP, deterministically per record and epoch).
import { diffieHellman, hkdfSync } from 'node:crypto';
import { ValidationError } from '@comity/core';
import { CLK_WORDS, dice, encodeClk, popcount32 } from '@comity/core/matching/clk';
import { preparePerson } from '@comity/core/matching/matcher';
import type { PeerRow } from '@comity/db/repos/federation-repo';
import type { NodeKeys } from '../identity/node-keys.ts';
import { publicKeyFromRaw } from '../federation/envelope-crypto.ts';
import { blipUnder, hmacKeyedHash } from '../matching/link.ts';

/** Dice at or above which two encodings are a hit (names and birth date). */
export const NAME_HIT_THRESHOLD = 0.8;
/**
 * BLIP flip probability of the encodings a node sends (core `blip`): each bit flipped with probability 2 %,
 * the flips seeded by the pair's secret of the epoch and the unflipped encoding. Chosen on FEBRL with
 * `npm run bench:matching` (bench/README.md, "BLIP"): recall at 0.1 % and 1 % false hits within a point of
 * the unflipped encodings, where 5 % cost up to 2 points at 1 %. The receiver compares with its own,
 * unflipped encodings, so only one side's noise enters each Dice.
 */
export const BLIP_FLIP = 0.02;
/** An encoding with fewer or more bits set is not an honest encoding of a name and a date. */
const MIN_BITS = 40;
const MAX_BITS = 800;

/** The epoch (month, UTC) of a date: "2026-11". */
export function epochOf(d: Date): string {
  return d.toISOString().slice(0, 7);
}

/** The epochs a receiver accepts at `now`: this month and the previous one (queries in flight across a month end). */
export function acceptedEpochs(now: Date): string[] {
  const prev = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
  return [epochOf(now), epochOf(prev)];
}

/** The secret of a pair of nodes for one epoch (the same on both nodes). */
export function pairSecret(keys: Pick<NodeKeys, 'encryptionPrivate' | 'nodeId'>, peer: Pick<PeerRow, 'node_id' | 'encryption_key'>, epoch: string): Uint8Array {
  const shared = diffieHellman({ privateKey: keys.encryptionPrivate, publicKey: publicKeyFromRaw('X25519', peer.encryption_key) });
  const salt = [keys.nodeId, peer.node_id].sort().join('|');
  return new Uint8Array(hkdfSync('sha256', shared, Buffer.from(salt), Buffer.from(`comity-hits-clk-v1/${epoch}`), 32));
}

export interface NamedPerson {
  name: string;
  birthDate: string;
}

/** The encoding of a person: `sent` (to the peer) with BLIP applied, or as kept to compare with a peer's. */
export function encodePerson(p: NamedPerson, secret: Uint8Array, use: 'sent' | 'own' = 'own'): string {
  const plain = encodeClk(preparePerson({ id: '', name: p.name, birthDate: p.birthDate }), hmacKeyedHash(secret));
  const clk = use === 'sent' ? blipUnder(secret, BLIP_FLIP)(plain) : plain;
  return Buffer.from(clk.buffer, clk.byteOffset, clk.byteLength).toString('base64url');
}

export function decodeEncoding(text: string, where: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length !== CLK_WORDS * 4 || bytes.toString('base64url') !== text) throw new ValidationError('malformed_encoding', `${where}: not a 1024-bit encoding.`);
  const words = new Uint32Array(CLK_WORDS);
  for (let i = 0; i < CLK_WORDS; i++) words[i] = bytes.readUInt32LE(i * 4);
  let bits = 0;
  for (const w of words) bits += popcount32(w);
  if (bits < MIN_BITS || bits > MAX_BITS) throw new ValidationError('malformed_encoding', `${where}: ${bits} bits set, outside ${MIN_BITS}–${MAX_BITS}.`);
  return words;
}

/** Pairs (query position, own position) whose Dice reaches the threshold. */
export function matchEncodings(theirs: readonly Uint32Array[], mine: readonly Uint32Array[], threshold = NAME_HIT_THRESHOLD): [number, number][] {
  const out: [number, number][] = [];
  theirs.forEach((t, i) => {
    mine.forEach((m, j) => {
      if (dice(t, m) >= threshold) out.push([i, j]);
    });
  });
  return out;
}
