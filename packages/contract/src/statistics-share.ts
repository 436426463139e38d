// Sharing aggregated registry statistics with peers (issue 14 part 6): a supervisor sends the
// organisation's ICCS-coded counts — never records — for a period to a chosen peer node under a
// marking (federation message `statistics.share`, interop/federation/README.md §8.5); the peer
// shows them with their origin, period and marking.
import { HANDLING_CODES } from '@comity/core/policy/marking';
import { z } from 'zod';

const Month = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/);
const Source = z.enum(['seizure', 'incident', 'request']);
/**
 * The markings a share may carry. The receiving node shows received statistics to everyone there
 * who reads statistics, so the TLP audiences narrower than that (AMBER+STRICT, RED) are not offered.
 */
export const SHARE_TLP = ['CLEAR', 'GREEN', 'AMBER'] as const;
export const SHARE_ROWS_MAX = 5000;

export const StatisticsShareMarking = z
  .strictObject({
    tlp: z.enum(SHARE_TLP).describe('TLP 2.0; AMBER+STRICT and RED are not used for statistics shared with a node'),
    handling: z.enum(HANDLING_CODES),
  })
  .meta({ id: 'StatisticsShareMarking' });

export const StatisticsShareRow = z.strictObject({
  period: z.string().regex(/^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/).describe('YYYY, YYYY-Qn or YYYY-MM, as `period` says'),
  country: z.string().regex(/^([A-Z]{3}|_X)$/),
  source: Source,
  iccsCode: z.string().regex(/^([0-9]{2,6}|_X)$/),
  count: z.number().int().min(1),
});

export const StatisticsSharePayload = z
  .strictObject({
    v: z.literal(1),
    shareId: z.uuid().describe('The sender\u2019s id of this share; a receiver stores a share once per (sender, shareId)'),
    dataflow: z.literal('COMITY:DF_ICCS_REGISTRY(1.0)'),
    period: z.enum(['month', 'quarter', 'year']),
    from: Month.describe('First month covered, YYYY-MM'),
    to: Month.describe('Last month covered, YYYY-MM'),
    sources: z.array(Source).min(1).max(3),
    marking: StatisticsShareMarking,
    sharedBy: z.strictObject({ organisation: z.string().min(1).max(300), state: z.string().regex(/^[A-Z]{3}$/) }),
    sharedAt: z.iso.datetime(),
    note: z.string().max(2000).nullable(),
    rows: z.array(StatisticsShareRow).max(SHARE_ROWS_MAX),
  })
  .refine((p) => p.from <= p.to, { message: '`from` is after `to`', path: ['from'] })
  .meta({ id: 'StatisticsSharePayload' });

export const StatisticsShareResult = z
  .strictObject({ shareId: z.uuid(), stored: z.boolean().describe('false when this share was already held') })
  .meta({ id: 'StatisticsShareResult' });

// ── HTTP API ──────────────────────────────────────────────────────────────────────────────────

export const ShareStatisticsBody = z
  .strictObject({
    peerNodeId: z.string().min(1).max(200).describe('The peer node to send to (an active peer)'),
    period: z.enum(['month', 'quarter', 'year']),
    from: Month,
    to: Month,
    sources: z.array(Source).min(1).max(3).optional().describe('Default: all three'),
    marking: StatisticsShareMarking,
    note: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.from <= b.to, { message: '`from` is after `to`', path: ['from'] })
  .meta({ id: 'ShareStatisticsBody' });

const ShareCommon = {
  id: z.uuid(),
  period: z.enum(['month', 'quarter', 'year']),
  from: z.string(),
  to: z.string(),
  sources: z.array(Source),
  marking: StatisticsShareMarking,
  note: z.string().nullable(),
  sharedAt: z.string(),
};

export const SentStatisticsShare = z
  .strictObject({ ...ShareCommon, peer: z.strictObject({ nodeId: z.string(), name: z.string(), country: z.string() }), rows: z.number().int(), sharedBy: z.uuid() })
  .meta({ id: 'SentStatisticsShare' });
export const SentStatisticsShares = z.strictObject({ items: z.array(SentStatisticsShare) }).meta({ id: 'SentStatisticsShares' });

export const ReceivedStatisticsShare = z
  .strictObject({
    ...ShareCommon,
    origin: z.strictObject({ nodeId: z.string(), name: z.string().describe('The sending node\u2019s authority, from its card'), country: z.string() }),
    sharedBy: z.strictObject({ organisation: z.string(), state: z.string() }),
    receivedAt: z.string(),
    rows: z.array(StatisticsShareRow.extend({ iccsTitle: z.string().nullable() })),
  })
  .meta({ id: 'ReceivedStatisticsShare' });
export const ReceivedStatisticsShares = z.strictObject({ items: z.array(ReceivedStatisticsShare) }).meta({ id: 'ReceivedStatisticsShares' });
