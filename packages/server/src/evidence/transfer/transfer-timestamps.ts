// RFC 3161 time-stamps travelling with an item (issue 12 part 5): the sender puts the tokens its
// authorities granted into the offer; the receiver checks each one on arrival with the vault's own
// verifier. A token whose imprint is not the item's SHA-256, whose signature does not verify, or
// that is otherwise not a valid time-stamp refuses the offer (nothing is stored). A token that is
// valid but chains to no root this node trusts (COMITY_TSA_ROOTS) is accepted and said plainly to
// be "not checked against a trusted root". Once the item is in, the tokens join its time-stamps, so
// the item's timestamps panel shows them (checked again against this node's roots on every view).
import { randomUUID } from 'node:crypto';
import { ValidationError } from '@comity/core';
import type { EvidenceOfferPayload } from '@comity/contract/evidence-transfer';
import type { Database } from '@comity/db';
import type { Kysely } from 'kysely';
import { type TimestampFailure, verifyTimestampToken } from '../timestamp/tsp.ts';

/** What the receiver found of one token of an offer. */
export interface TimestampCheck {
  tsa: string;
  genTime: string | null;
  serial: string | null;
  tsaName: string | null;
  signer: string | null;
  /** `verified`: chains to a root this node trusts; `untrusted-root`: valid, but not checked against a trusted root. */
  outcome: 'verified' | 'untrusted-root';
  note: string;
}

/** Failures that only say the chain ends at a root this node does not trust (or none is configured). */
const ROOT_ONLY: ReadonlySet<TimestampFailure> = new Set(['untrusted_chain', 'no_roots']);

/** Thrown when a token of the offer is wrong: the offer is refused. */
export class TimestampRefusedError extends ValidationError {}

/** Checks every token of the offer against the item's SHA-256 and this node's roots. */
export async function checkOfferTimestamps(item: Pick<EvidenceOfferPayload['item'], 'sha256' | 'timestamps'>, roots: Uint8Array[]): Promise<TimestampCheck[]> {
  const checks: TimestampCheck[] = [];
  for (const [i, t] of item.timestamps.entries()) {
    const token = new Uint8Array(Buffer.from(t.token, 'base64'));
    const v = await verifyTimestampToken(token, { sha256Hex: item.sha256, roots });
    const facts = v.facts;
    const base = { tsa: t.tsa, genTime: facts?.genTime ?? null, serial: facts?.serialHex ?? null, tsaName: facts?.tsaName ?? null, signer: facts?.signer?.subject ?? null };
    if (v.ok) {
      checks.push({ ...base, outcome: 'verified', note: 'verified: imprint, signature and chain to a trusted root' });
    } else if (ROOT_ONLY.has(v.reason)) {
      // Everything but the chain was checked before the verifier reached the roots.
      checks.push({ ...base, outcome: 'untrusted-root', note: `not checked against a trusted root (${v.message})` });
    } else {
      throw new TimestampRefusedError('timestamp_invalid', `Time-stamp ${i + 1} of the item (from ${t.tsa}) is not valid: ${v.reason}: ${v.message}.`);
    }
  }
  return checks;
}

/** The received item's time-stamps: the tokens that came with it, as granted rows of its own. */
export async function recordReceivedTimestamps(
  trx: Kysely<Database>,
  now: Date,
  item: { id: string; sha256: string },
  from: string,
  offered: EvidenceOfferPayload['item']['timestamps'],
  checks: TimestampCheck[],
): Promise<void> {
  for (const [i, t] of offered.entries()) {
    const c = checks[i];
    await trx
      .insertInto('evidence_timestamps')
      .values({
        id: randomUUID(),
        item_id: item.id,
        // Not an authority this node asks: the row names where the token came from.
        tsa_url: `received from ${from}: ${t.tsa}${offered.length > 1 ? ` #${i + 1}` : ''}`,
        status: 'granted',
        sha256: item.sha256,
        attempts: 0,
        next_attempt_at: null,
        token: new Uint8Array(Buffer.from(t.token, 'base64')),
        nonce: null,
        gen_time: c?.genTime ?? null,
        serial: c?.serial ?? null,
        policy: null,
        tsa_name: c?.tsaName ?? null,
        signer: c?.signer ?? null,
        error_reason: null,
        error: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['item_id', 'tsa_url']).doNothing())
      .execute();
  }
}
