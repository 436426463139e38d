// Backtracking and statistics over the seizure and maritime-incident registries (issue 14 parts 4
// and 6): the related records of one record, and ICCS-coded counts with their exports.
import { z } from 'zod';

export const RelatedQuery = z
  .strictObject({
    windowDays: z.coerce.number().int().min(1).max(3650).optional().describe('How far before and after the record to look, in days (default 365)'),
    limit: z.coerce.number().int().min(1).max(500).optional().describe('At most this many related records (default 100)'),
  })
  ;

export const SharedElementView = z
  .strictObject({
    kind: z.enum(['vessel', 'company', 'person', 'identifier', 'route-segment', 'port']),
    value: z.string().describe('As the record you started from gives it: an IMO number, a name, a phone or account, "NGA Lagos → VNM Hai Phong", a port'),
  })
  .meta({ id: 'SharedElement' });

export const RelatedRecordView = z
  .strictObject({
    kind: z.enum(['seizure', 'incident']),
    id: z.uuid(),
    reference: z.string(),
    occurredAt: z.string(),
    country: z.string().nullable(),
    /** Seizures: the domains of their items; incidents: the incident's kind. */
    domains: z.array(z.string()),
    incidentKind: z.string().nullable(),
    vesselName: z.string().nullable(),
    shared: z.array(SharedElementView),
  })
  .meta({ id: 'RelatedRecord' });

export const RelatedList = z
  .strictObject({
    origin: z.strictObject({ kind: z.enum(['seizure', 'incident']), id: z.uuid(), reference: z.string(), occurredAt: z.string() }),
    windowDays: z.number().int(),
    items: z.array(RelatedRecordView),
  })
  .meta({ id: 'RelatedList' });

export const StatisticsQuery = z
  .strictObject({
    period: z.enum(['month', 'quarter', 'year']).optional().describe('Default: year'),
    source: z
      .string()
      .regex(/^(seizure|incident|request)(,(seizure|incident|request))*$/)
      .optional()
      .describe('Comma-separated: seizure, incident, request (default all)'),
    country: z.string().regex(/^([A-Z]{3}|_X)$/).optional(),
    iccs: z.string().regex(/^([0-9]{2,6}|_X)$/).optional().describe('An ICCS code; its subcategories are included'),
    from: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/).optional().describe('First month, YYYY-MM'),
    to: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/).optional().describe('Last month, YYYY-MM'),
    format: z.enum(['json', 'csv', 'sdmx-csv']).optional().describe('sdmx-csv: SDMX-CSV 2.0 of dataflow COMITY:DF_ICCS_REGISTRY(1.0)'),
  })
  ;

export const StatisticsView = z
  .strictObject({
    period: z.enum(['month', 'quarter', 'year']),
    refreshedAt: z.string().nullable().describe('When the counts were last recomputed (the job queue does it every few minutes)'),
    dataflow: z.string(),
    rows: z.array(
      z.strictObject({
        period: z.string(),
        country: z.string(),
        source: z.enum(['seizure', 'incident', 'request']),
        iccsCode: z.string(),
        iccsTitle: z.string().nullable(),
        count: z.number().int(),
      }),
    ),
    totals: z.array(z.strictObject({ period: z.string(), seizure: z.number().int(), incident: z.number().int(), request: z.number().int() })),
  })
  .meta({ id: 'StatisticsView' });
