// The statistics rollup (issue 14 part 6, migration 026): counts of seizures, maritime incidents
// and cooperation requests per organisation, month, country and ICCS code. `refreshRollup`
// computes it whole the first time, and afterwards only the months changed since (noted by the
// triggers of migration 028), in one transaction (the job queue runs it); reading statistics only
// ever touches the rollup.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

export const ROLLUP_NAME = 'registry-statistics';
/** SDMX's code for "unspecified": an incident outside any State's waters, an offence without an ICCS code. */
export const UNSPECIFIED = '_X';

export interface RollupRow {
  organisationId: string;
  source: 'seizure' | 'incident' | 'request';
  month: string;
  country: string;
  iccsCode: string;
  count: number;
}

/**
 * Recomputes the rollup from the registries and the requests. A request counts once per distinct
 * ICCS code of its offences (the code stored with the offence, else the taxonomy's for its
 * category, else '_X'), under the counterpart State, in the month it was submitted (sent) or
 * received. Drafts that were never sent are not counted.
 */
export async function refreshRollup(db: Kysely<Database>, offenceIccs: readonly { id: string; iccs: string | null }[], now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // Incremental by month (migration 028): after the first refresh, only the months of seizures
    // and incidents that triggers noted as changed are recomputed. Claiming the noted months
    // (DELETE … RETURNING) in this transaction means a change committed meanwhile notes its
    // month again for the next run. Requests are few and are recomputed whole.
    const first = !(await trx.selectFrom('statistics_refresh').select('name').where('name', '=', ROLLUP_NAME).executeTakeFirst());
    const dirty = (await sql<{ source: string; month: string }>`delete from statistics_dirty returning source, month`.execute(trx)).rows;
    const seizureMonth = sql`to_char(occurred_at at time zone 'UTC', 'YYYY-MM')`;
    const monthRange = (m: string) => {
      const start = new Date(`${m}-01T00:00:00Z`);
      return { start, end: new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)) };
    };
    if (first) {
      await trx.deleteFrom('statistics_rollup').execute();
      await sql`
        insert into statistics_rollup (organisation_id, source, month, country, iccs_code, count)
        select organisation_id, 'seizure', ${seizureMonth}, country, iccs_code, count(*)
        from seizures group by 1, 2, 3, 4, 5`.execute(trx);
      await sql`
        insert into statistics_rollup (organisation_id, source, month, country, iccs_code, count)
        select organisation_id, 'incident', ${seizureMonth}, coalesce(country, ${UNSPECIFIED}), iccs_code, count(*)
        from maritime_incidents group by 1, 2, 3, 4, 5`.execute(trx);
    } else {
      for (const d of dirty) {
        if (!/^\d{4}-\d{2}$/.test(d.month)) continue;
        const { start, end } = monthRange(d.month);
        await trx.deleteFrom('statistics_rollup').where('source', '=', d.source).where('month', '=', d.month).execute();
        if (d.source === 'seizure')
          await sql`
            insert into statistics_rollup (organisation_id, source, month, country, iccs_code, count)
            select organisation_id, 'seizure', ${d.month}, country, iccs_code, count(*)
            from seizures where occurred_at >= ${start} and occurred_at < ${end} group by 1, 2, 3, 4, 5`.execute(trx);
        else if (d.source === 'incident')
          await sql`
            insert into statistics_rollup (organisation_id, source, month, country, iccs_code, count)
            select organisation_id, 'incident', ${d.month}, coalesce(country, ${UNSPECIFIED}), iccs_code, count(*)
            from maritime_incidents where occurred_at >= ${start} and occurred_at < ${end} group by 1, 2, 3, 4, 5`.execute(trx);
      }
    }
    await trx.deleteFrom('statistics_rollup').where('source', '=', 'request').execute();
    const mapping = offenceIccs.length ? offenceIccs : [{ id: '', iccs: null }];
    const values = sql.join(mapping.map((o) => sql`(${o.id}::text, ${o.iccs}::text)`));
    await sql`
      with taxonomy(category, iccs) as (values ${values}),
      codes as (
        select distinct r.id, r.organisation_id,
          to_char(coalesce(r.submitted_at, r.received_at) at time zone 'UTC', 'YYYY-MM') as month,
          case when r.side = 'requesting' then r.requested_state else r.requesting_state end as country,
          coalesce(nullif(o.value ->> 'iccs', ''), t.iccs, ${UNSPECIFIED}) as iccs_code
        from requests r
        cross join lateral jsonb_array_elements(case when jsonb_typeof(r.content -> 'offences') = 'array' and jsonb_array_length(r.content -> 'offences') > 0 then r.content -> 'offences' else '[{}]'::jsonb end) as o(value)
        left join taxonomy t on t.category = o.value ->> 'category'
        where coalesce(r.submitted_at, r.received_at) is not null
      )
      insert into statistics_rollup (organisation_id, source, month, country, iccs_code, count)
      select organisation_id, 'request', month, coalesce(country, ${UNSPECIFIED}), iccs_code, count(*)
      from codes group by 1, 2, 3, 4, 5`.execute(trx);
    const { n } = await trx.selectFrom('statistics_rollup').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await trx
      .insertInto('statistics_refresh')
      .values({ name: ROLLUP_NAME, refreshed_at: now, rows: Number(n) })
      .onConflict((oc) => oc.column('name').doUpdateSet({ refreshed_at: now, rows: Number(n) }))
      .execute();
    return Number(n);
  });
}

export interface RollupFilter {
  /** undefined = every organisation of the node. */
  organisationId?: string | undefined;
  sources?: readonly string[] | undefined;
  country?: string | undefined;
  /** YYYY-MM, inclusive. */
  fromMonth?: string | undefined;
  toMonth?: string | undefined;
  /** An ICCS code; its subcategories are included. */
  iccs?: string | undefined;
}

/** Rollup rows summed over organisations (when not filtered to one). */
export async function readRollup(db: Kysely<Database>, f: RollupFilter): Promise<{ rows: Omit<RollupRow, 'organisationId'>[]; refreshedAt: Date | null }> {
  let q = db.selectFrom('statistics_rollup').select(['source', 'month', 'country', 'iccs_code', (eb) => eb.fn.sum<string>('count').as('n')]);
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.sources?.length) q = q.where('source', 'in', f.sources);
  if (f.country) q = q.where('country', '=', f.country);
  if (f.fromMonth) q = q.where('month', '>=', f.fromMonth);
  if (f.toMonth) q = q.where('month', '<=', f.toMonth);
  if (f.iccs) q = q.where('iccs_code', 'like', `${f.iccs.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  const rows = await q.groupBy(['source', 'month', 'country', 'iccs_code']).orderBy('month').orderBy('source').orderBy('country').orderBy('iccs_code').execute();
  const refresh = await db.selectFrom('statistics_refresh').select('refreshed_at').where('name', '=', ROLLUP_NAME).executeTakeFirst();
  return {
    rows: rows.map((r) => ({ source: r.source as RollupRow['source'], month: r.month, country: r.country, iccsCode: r.iccs_code, count: Number(r.n) })),
    refreshedAt: refresh ? new Date(refresh.refreshed_at) : null,
  };
}
