// Time-stamping of evidence items. Every item gets a token from each configured authority
// (COMITY_TSA_URLS) by a job, so ingest never waits on the network. The job asks the authorities
// outside any transaction, then records each outcome in one audited transaction together with the
// item's custody event: `timestamp-pending` the first time an authority cannot be reached,
// `timestamped` when a token verifies, `timestamp-failed` when an authority answers with something
// that will not verify (or stays unreachable for every attempt).
import type { Database } from '@comity/db';
import { type Kysely, sql } from 'kysely';
import { auditedTransaction } from '../../deps.ts';
import { appendCustody, type EvidenceDeps, evidenceKey } from '../evidence-service.ts';
import { requestTimestamp, type TsaOutcome, type TsaSettings } from './tsa-client.ts';
import { toHex, verifyTimestampToken, type TimestampFailure } from './tsp.ts';

export interface TimestampJobSettings extends TsaSettings {
  /** First retry after this many seconds, doubling each time (COMITY_TSA_RETRY_SECONDS, default 60). */
  retryBaseSeconds: number;
  /** Longest wait between two attempts (6 hours). */
  retryMaxSeconds: number;
  /** Attempts before an unreachable authority's row becomes failed (COMITY_TSA_MAX_ATTEMPTS, default 12). */
  maxAttempts: number;
  /** How many item × authority pairs one run handles. */
  batch: number;
}

type Deps = Pick<EvidenceDeps, 'db' | 'hasher' | 'signer' | 'now' | 'auditAnchor' | 'nodeId'>;

/** The wait after `attempts` failed attempts: base × 2^(attempts−1), at most max. */
export function retryDelaySeconds(attempts: number, s: Pick<TimestampJobSettings, 'retryBaseSeconds' | 'retryMaxSeconds'>): number {
  return Math.min(s.retryMaxSeconds, s.retryBaseSeconds * 2 ** Math.max(0, attempts - 1));
}

interface Due {
  itemId: string;
  organisationId: string;
  sha256: string;
  tsaUrl: string;
  row: { id: string; attempts: number; status: string } | null;
}

/** Items without a row for a configured authority, then pending rows whose time has come. */
async function dueWork(db: Kysely<Database>, s: TimestampJobSettings, now: Date): Promise<Due[]> {
  if (s.urls.length === 0) return [];
  const fresh = await sql<{ item_id: string; organisation_id: string; sha256: string; tsa_url: string }>`
    select i.id as item_id, i.organisation_id, i.sha256, u.url as tsa_url
    from evidence_items i cross join unnest(${sql.val(s.urls)}::text[]) as u(url)
    where not exists (select 1 from evidence_timestamps t where t.item_id = i.id and t.tsa_url = u.url)
    order by i.created_at
    limit ${s.batch}`.execute(db);
  const out: Due[] = fresh.rows.map((r) => ({ itemId: r.item_id, organisationId: r.organisation_id, sha256: r.sha256, tsaUrl: r.tsa_url, row: null }));
  if (out.length < s.batch) {
    const pending = await db
      .selectFrom('evidence_timestamps as t')
      .innerJoin('evidence_items as i', 'i.id', 't.item_id')
      .select(['t.id', 't.item_id', 'i.organisation_id', 't.sha256', 't.tsa_url', 't.attempts', 't.status'])
      .where('t.status', '=', 'pending')
      .where('t.next_attempt_at', '<=', now)
      .orderBy('t.next_attempt_at')
      .limit(s.batch - out.length)
      .execute();
    for (const r of pending) out.push({ itemId: r.item_id, organisationId: r.organisation_id, sha256: r.sha256, tsaUrl: r.tsa_url, row: { id: r.id, attempts: r.attempts, status: r.status } });
  }
  return out;
}

export interface TimestampRunReport {
  asked: number;
  granted: number;
  pending: number;
  failed: number;
}

/** One run of the job: asks every due authority (a few at a time) and records the outcomes. */
export async function runTimestampJob(deps: Deps, s: TimestampJobSettings): Promise<TimestampRunReport> {
  const report: TimestampRunReport = { asked: 0, granted: 0, pending: 0, failed: 0 };
  const work = await dueWork(deps.db, s, deps.now());
  const parallel = 4;
  for (let i = 0; i < work.length; i += parallel) {
    const slice = work.slice(i, i + parallel);
    const outcomes = await Promise.all(slice.map((d) => requestTimestamp(d.tsaUrl, d.sha256, s.roots, { timeoutMs: s.timeoutMs })));
    for (const [j, d] of slice.entries()) {
      const status = await recordOutcome(deps, s, d, outcomes[j] as TsaOutcome);
      report.asked++;
      report[status]++;
    }
  }
  return report;
}

async function recordOutcome(deps: Deps, s: TimestampJobSettings, d: Due, outcome: TsaOutcome): Promise<'granted' | 'pending' | 'failed'> {
  const now = deps.now();
  const attempts = (d.row?.attempts ?? 0) + 1;
  let status: 'granted' | 'pending' | 'failed';
  let values: Partial<Record<keyof Database['evidence_timestamps'], unknown>>;
  if (outcome.kind === 'granted') {
    status = 'granted';
    values = {
      token: outcome.token,
      nonce: outcome.nonceHex,
      gen_time: new Date(outcome.facts.genTime),
      serial: outcome.facts.serialHex,
      policy: outcome.facts.policy,
      tsa_name: outcome.facts.tsaName,
      signer: outcome.facts.signer?.subject ?? null,
      error_reason: null,
      error: null,
      next_attempt_at: null,
    };
  } else if (outcome.kind === 'unavailable' && attempts < s.maxAttempts) {
    status = 'pending';
    values = { error_reason: 'unavailable', error: outcome.error, next_attempt_at: new Date(now.getTime() + retryDelaySeconds(attempts, s) * 1000) };
  } else {
    status = 'failed';
    const reason = outcome.kind === 'refused' ? outcome.reason : 'unavailable';
    const error = outcome.kind === 'unavailable' ? `${outcome.error} (gave up after ${attempts} attempts)` : outcome.error;
    values = { error_reason: reason, error, next_attempt_at: null };
  }
  await auditedTransaction(deps, { actor: null, requestId: 'job:timestamps', organisationId: d.organisationId }, async (trx, audit) => {
    let id = d.row?.id;
    if (!id) {
      const inserted = await trx
        .insertInto('evidence_timestamps')
        .values({ id: crypto.randomUUID(), item_id: d.itemId, tsa_url: d.tsaUrl, sha256: d.sha256, status, attempts, created_at: now, updated_at: now, ...values } as never)
        .onConflict((oc) => oc.columns(['item_id', 'tsa_url']).doNothing())
        .returning('id')
        .executeTakeFirst();
      // Another run recorded this pair meanwhile: its outcome stands.
      if (!inserted) return;
      id = inserted.id;
    } else {
      const updated = await trx
        .updateTable('evidence_timestamps')
        .set({ status, attempts, updated_at: now, ...values } as never)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('attempts', '=', attempts - 1)
        .returning('id')
        .executeTakeFirst();
      if (!updated) return;
    }
    const base = { tsaUrl: d.tsaUrl, attempts };
    if (status === 'granted' && outcome.kind === 'granted') {
      const tokenSha256 = toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', outcome.token.slice())));
      await appendCustody(
        trx,
        deps,
        d.itemId,
        {
          kind: 'timestamped',
          details: { ...base, genTime: outcome.facts.genTime, serial: outcome.facts.serialHex, tsaName: outcome.facts.tsaName, signer: outcome.facts.signer?.subject ?? null, tokenSha256 },
        },
        audit,
      );
    } else if (status === 'pending' && attempts === 1) {
      // Said once: the retries that follow change the row, not the custody log.
      const details = { ...base, error: values.error as string, nextAttemptAt: (values.next_attempt_at as Date).toISOString() };
      await appendCustody(trx, deps, d.itemId, { kind: 'timestamp-pending', details }, audit);
    } else if (status === 'failed') {
      await appendCustody(trx, deps, d.itemId, { kind: 'timestamp-failed', details: { ...base, reason: values.error_reason as string, error: values.error as string } }, audit);
    }
    // The item's own summary (lists filter on it): stamped once any authority granted.
    const states = await trx.selectFrom('evidence_timestamps').select('status').where('item_id', '=', d.itemId).execute();
    const summary = summariseTimestamps(states);
    await trx
      .updateTable('evidence_items')
      .set({ timestamp_state: summary === 'granted' ? 'stamped' : summary })
      .where('id', '=', d.itemId)
      .execute();
    audit('evidence.timestamp', evidenceKey(d.itemId), { ...base, status, reason: (values.error_reason as string | null) ?? null });
  });
  return status;
}

// ---------------------------------------------------------------------------------------------
// reading

export interface ItemTimestamp {
  id: string;
  tsaUrl: string;
  status: 'pending' | 'granted' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  genTime: string | null;
  serial: string | null;
  policy: string | null;
  tsaName: string | null;
  signer: string | null;
  errorReason: string | null;
  error: string | null;
  /** Checked now against the configured roots and the item's hash (granted rows only). */
  verified: { ok: true } | { ok: false; reason: TimestampFailure; message: string } | null;
  /** The token, base64 (DER of the CMS ContentInfo), for offline checks. */
  token: string | null;
}

/** The item's summary: granted when some authority granted, pending while one is still being asked. */
export type TimestampSummary = 'none' | 'pending' | 'granted' | 'failed';

export function summariseTimestamps(list: Pick<ItemTimestamp, 'status'>[]): TimestampSummary {
  if (list.some((t) => t.status === 'granted')) return 'granted';
  if (list.some((t) => t.status === 'pending')) return 'pending';
  if (list.length > 0) return 'failed';
  return 'none';
}

export async function listItemTimestamps(db: Kysely<Database>, itemId: string, opts: { sha256: string; roots: Uint8Array[]; verify: boolean }): Promise<ItemTimestamp[]> {
  const rows = await db.selectFrom('evidence_timestamps').selectAll().where('item_id', '=', itemId).orderBy('created_at').orderBy('tsa_url').execute();
  return Promise.all(
    rows.map(async (r) => {
      let verified: ItemTimestamp['verified'] = null;
      if (opts.verify && r.status === 'granted' && r.token) {
        const v = await verifyTimestampToken(new Uint8Array(r.token), { sha256Hex: opts.sha256, roots: opts.roots });
        verified = v.ok ? { ok: true } : { ok: false, reason: v.reason, message: v.message };
      }
      return {
        id: r.id,
        tsaUrl: r.tsa_url,
        status: r.status,
        attempts: r.attempts,
        nextAttemptAt: r.next_attempt_at ? new Date(r.next_attempt_at).toISOString() : null,
        genTime: r.gen_time ? new Date(r.gen_time).toISOString() : null,
        serial: r.serial,
        policy: r.policy,
        tsaName: r.tsa_name,
        signer: r.signer,
        errorReason: r.error_reason,
        error: r.error,
        verified,
        token: r.token ? Buffer.from(r.token).toString('base64') : null,
      };
    }),
  );
}
