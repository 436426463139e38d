// HTTP routes of the seizure and maritime-incident registries (issue 14): records of the caller's
// organisation (another organisation's record, or a record of a case the caller may not read,
// answers 404), reads under the release policy, optimistic locking on change, and the import with
// its mapping step (`dryRun`) and per-row report.
import { ValidationError } from '@comity/core';
import { IdParams } from '@comity/contract';
import {
  CreateIncidentBody,
  CreateSeizureBody,
  IncidentImportBody,
  IncidentList,
  IncidentListQuery,
  IncidentView,
  PatchIncidentBody,
  PatchSeizureBody,
  RegistryReference,
  SeizureImportBody,
  SeizureImportReport,
  SeizureList,
  SeizureListQuery,
  SeizureView,
} from '@comity/contract/seizures';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../auth/authenticate.ts';
import type { AppDeps } from '../deps.ts';
import { policyTrailOf } from '../policy/policy-routes-check.ts';
import { referenceLists } from './reference-lists.ts';
import { type ImportKind, readImportTable, validateImport } from './seizure-import.ts';
import {
  type RegistryDeps,
  createIncident,
  createIncidents,
  createSeizure,
  createSeizures,
  presentIncident,
  presentSeizure,
  readIncident,
  readSeizure,
  searchIncidents,
  searchSeizures,
  updateIncident,
  updateSeizure,
} from './seizure-service.ts';
import type { PolicyWho } from '../policy/policy-service.ts';

const SEIZURE_TAGS = ['seizures'];
const INCIDENT_TAGS = ['incidents'];

export interface RegistryImportInput {
  format: 'csv' | 'xlsx';
  content: string | Buffer;
  mapping?: Record<string, string> | undefined;
  dryRun?: boolean | undefined;
  caseId?: string | null | undefined;
  marking?: string | undefined;
}

/**
 * Reads, checks and (unless a dry run) stores an import of seizures or incidents; shared by the
 * routes and the CLI. The kind selects the fields, the checks and the insert; the report and the
 * all-or-nothing rule are the same.
 */
export async function runRegistryImport(deps: RegistryDeps, who: PolicyWho, kind: ImportKind, input: RegistryImportInput) {
  const table = await readImportTable(input.format, input.content);
  const now = deps.now();
  const defaults = { caseId: input.caseId, marking: input.marking };
  const v = kind === 'seizure' ? validateImport('seizure', table, input.mapping, defaults, now) : validateImport('incident', table, input.mapping, defaults, now);
  const report = { rows: v.rows, columns: v.columns, mapping: v.mapping, fields: v.fields, problems: v.problems, dryRun: !!input.dryRun };
  if (input.dryRun) return { ...report, imported: 0, created: [] };
  if (v.problems.length) {
    const rows = [...new Set(v.problems.map((p) => p.row))];
    throw new ValidationError('import_rejected', `Nothing was imported: ${rows.length} row(s) have problems (rows ${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ' …' : ''}).`, report);
  }
  const summary = { format: input.format, rows: v.rows, [kind === 'seizure' ? 'seizures' : 'incidents']: v.records.length };
  const created =
    kind === 'seizure'
      ? await createSeizures(deps, who, (v as ReturnType<typeof validateImport<'seizure'>>).records, summary)
      : await createIncidents(deps, who, (v as ReturnType<typeof validateImport<'incident'>>).records, summary);
  return { ...report, imported: created.length, created: created.map((c) => ({ row: c.row, id: c.record.id, reference: c.record.reference })) };
}

/** The seizure import (the CLI's default kind). */
export const runSeizureImport = (deps: RegistryDeps, who: PolicyWho, input: RegistryImportInput) => runRegistryImport(deps, who, 'seizure', input);

export function seizureRoutes(deps: RegistryDeps & AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const who = (request: FastifyRequest) => ({ actor: request.actor, requestId: String(request.id), trail: policyTrailOf(request) });

    r.get(
      '/api/v1/seizures/reference',
      { config: { policy: 'none', permission: 'registry:read' }, schema: { tags: SEIZURE_TAGS, summary: 'The reference lists records are checked against: ICCS codes, species with their CITES appendix, drugs and precursors', response: { 200: RegistryReference } } },
      async (request) => {
        requirePermission(request, 'registry:read');
        const l = referenceLists();
        return { iccs: [...l.iccs], species: [...l.species], substances: [...l.substances] };
      },
    );

    r.post(
      '/api/v1/seizures',
      {
        config: { policy: 'none', permission: 'registry:edit' },
        schema: {
          tags: SEIZURE_TAGS,
          summary: 'Record a seizure (one or more items of any domain)',
          description: 'Dates, coordinates, IMO numbers, species, substances and ICCS codes are checked; every problem is listed in `problems` of a 400 `record_invalid` (unknown names with `suggestions`).',
          body: CreateSeizureBody,
          response: { 201: SeizureView },
        },
      },
      async (request, reply) => {
        requirePermission(request, 'registry:edit');
        const row = await createSeizure(deps, who(request), request.body);
        const { record } = await readSeizure(deps, { ...who(request), trail: undefined }, row.id);
        return reply.code(201).send(await presentSeizure(deps.db, row, record));
      },
    );

    r.get(
      '/api/v1/seizures',
      {
        config: { policy: ['read'], permission: 'registry:read' },
        schema: { tags: SEIZURE_TAGS, summary: 'Seizures you may see, newest first (domain, country, dates, species or substance, case, vessel, ICCS code, words)', querystring: SeizureListQuery, response: { 200: SeizureList } },
      },
      async (request) => {
        requirePermission(request, 'registry:read');
        policyTrailOf(request).decisions++;
        return searchSeizures(deps, who(request), request.query);
      },
    );

    r.get(
      '/api/v1/seizures/:id',
      { config: { policy: ['read'], permission: 'registry:read' }, schema: { tags: SEIZURE_TAGS, summary: 'A seizure with its items, route and parties', params: IdParams, response: { 200: SeizureView } } },
      async (request) => {
        requirePermission(request, 'registry:read');
        const { row, record } = await readSeizure(deps, who(request), request.params.id);
        return presentSeizure(deps.db, row, record);
      },
    );

    r.patch(
      '/api/v1/seizures/:id',
      {
        config: { policy: ['read'], permission: 'registry:edit' },
        schema: { tags: SEIZURE_TAGS, summary: 'Change a seizure (send the version you edited; items, route and parties are replaced when sent)', params: IdParams, body: PatchSeizureBody, response: { 200: SeizureView } },
      },
      async (request) => {
        requirePermission(request, 'registry:edit');
        const row = await updateSeizure(deps, who(request), request.params.id, request.body);
        const { record } = await readSeizure(deps, { ...who(request), trail: undefined }, row.id);
        return presentSeizure(deps.db, row, record);
      },
    );

    r.post(
      '/api/v1/seizures/import',
      {
        config: { policy: 'none', permission: 'registry:edit' },
        bodyLimit: 30 * 1024 * 1024,
        schema: {
          tags: SEIZURE_TAGS,
          summary: 'Import seizures from CSV or XLSX (base64) with a column mapping; `dryRun` answers the report and the guessed mapping without storing',
          description: 'Rows sharing a reference are items of one seizure. When any row has a problem nothing is stored: 400 `import_rejected` with `problems` (row, column, field, code, params).',
          body: SeizureImportBody,
          response: { 200: SeizureImportReport },
        },
      },
      async (request) => {
        requirePermission(request, 'registry:edit');
        return runRegistryImport(deps, who(request), 'seizure', request.body);
      },
    );

    r.post(
      '/api/v1/incidents/import',
      {
        config: { policy: 'none', permission: 'registry:edit' },
        bodyLimit: 30 * 1024 * 1024,
        schema: {
          tags: INCIDENT_TAGS,
          summary: 'Import maritime incidents from CSV or XLSX (base64) with a column mapping; `dryRun` answers the report and the guessed mapping without storing',
          description: 'One row per incident. When any row has a problem nothing is stored: 400 `import_rejected` with `problems` (row, column, field, code, params); a value outside a list names the accepted values.',
          body: IncidentImportBody,
          response: { 200: SeizureImportReport },
        },
      },
      async (request) => {
        requirePermission(request, 'registry:edit');
        return runRegistryImport(deps, who(request), 'incident', request.body);
      },
    );

    r.post(
      '/api/v1/incidents',
      {
        config: { policy: 'none', permission: 'registry:edit' },
        schema: { tags: INCIDENT_TAGS, summary: 'Record a maritime incident (piracy, armed robbery at sea, boarding, hijacking, kidnapping of crew)', body: CreateIncidentBody, response: { 201: IncidentView } },
      },
      async (request, reply) => {
        requirePermission(request, 'registry:edit');
        const row = await createIncident(deps, who(request), request.body);
        const { record } = await readIncident(deps, { ...who(request), trail: undefined }, row.id);
        return reply.code(201).send(await presentIncident(deps.db, row, record));
      },
    );

    r.get(
      '/api/v1/incidents',
      { config: { policy: ['read'], permission: 'registry:read' }, schema: { tags: INCIDENT_TAGS, summary: 'Maritime incidents you may see, newest first', querystring: IncidentListQuery, response: { 200: IncidentList } } },
      async (request) => {
        requirePermission(request, 'registry:read');
        policyTrailOf(request).decisions++;
        return searchIncidents(deps, who(request), request.query);
      },
    );

    r.get(
      '/api/v1/incidents/:id',
      { config: { policy: ['read'], permission: 'registry:read' }, schema: { tags: INCIDENT_TAGS, summary: 'A maritime incident', params: IdParams, response: { 200: IncidentView } } },
      async (request) => {
        requirePermission(request, 'registry:read');
        const { row, record } = await readIncident(deps, who(request), request.params.id);
        return presentIncident(deps.db, row, record);
      },
    );

    r.patch(
      '/api/v1/incidents/:id',
      { config: { policy: ['read'], permission: 'registry:edit' }, schema: { tags: INCIDENT_TAGS, summary: 'Change a maritime incident (send the version you edited)', params: IdParams, body: PatchIncidentBody, response: { 200: IncidentView } } },
      async (request) => {
        requirePermission(request, 'registry:edit');
        const row = await updateIncident(deps, who(request), request.params.id, request.body);
        const { record } = await readIncident(deps, { ...who(request), trail: undefined }, row.id);
        return presentIncident(deps.db, row, record);
      },
    );
  };
}
