// Seizure and maritime-incident registries API (issue 14): one seizure model across crime domains
// (wildlife, drugs, medical products, tobacco, other goods and cash), maritime incidents, and the
// import of CSV/XLSX files with a column mapping and a per-row report. Dates, coordinates, IMO
// numbers, species and substances are checked by core (codes with parameters), not here, so the
// API and the import report the same problems in the same words.
import {
  CONVEYANCE_TYPES,
  CREW_CONSEQUENCES,
  DETECTION_METHODS,
  INCIDENT_KINDS,
  LOCATION_KINDS,
  PARTY_KINDS,
  ROUTE_STAGES,
  SEIZURE_DOMAINS,
  SPECIMEN_TYPES,
  TAX_STAMPS,
  TOBACCO_PRODUCTS,
  UNITS,
  VESSEL_STATUSES,
} from '@comity/core/seizures/seizure';
import { z } from 'zod';
import { Alpha3 } from './common.ts';
import { HandlingCode, TlpMarking } from './requests.ts';

const Short = z.string().trim().min(1).max(300);
const Long = z.string().trim().max(20_000);
const Reference = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._/:#-]*$/u, 'letters, digits, spaces and . _ / : # -, starting with a letter or digit');
const EventTime = z.string().trim().min(1).max(40).describe('YYYY-MM-DD, or a date and time (UTC unless an offset is given); not in the future');
const Latitude = z.number().describe('Decimal degrees, -90 to 90');
const Longitude = z.number().describe('Decimal degrees, -180 to 180');
const Quantity = z.number().describe('Greater than 0');
export const SeizureDomain = z.enum(SEIZURE_DOMAINS).meta({ id: 'SeizureDomain' });
const Unit = z.enum(UNITS);

export const SeizedItemBody = z
  .discriminatedUnion('domain', [
    z.strictObject({ domain: z.literal('wildlife'), species: Short.describe('Scientific name, from the species list'), citesAppendix: z.enum(['I', 'II', 'III', 'I/II']).nullable().optional(), specimenType: z.enum(SPECIMEN_TYPES), quantity: Quantity, unit: Unit }),
    z.strictObject({ domain: z.literal('drugs'), substance: Short.describe('From the substance list (name or alias)'), quantity: Quantity, unit: Unit, purity: z.number().nullable().optional().describe('Percent by weight') }),
    z.strictObject({
      domain: z.literal('medical'),
      product: Short,
      activeIngredient: Short.optional(),
      batch: Short.optional(),
      claimedManufacturer: Short.optional(),
      status: z.enum(['falsified', 'substandard', 'unregistered']).optional(),
      quantity: Quantity,
      unit: Unit,
    }),
    z.strictObject({ domain: z.literal('tobacco'), productType: z.enum(TOBACCO_PRODUCTS), brand: Short.optional(), quantity: Quantity, unit: Unit, taxStamps: z.enum(TAX_STAMPS).optional() }),
    z.strictObject({ domain: z.literal('other'), description: Short, quantity: Quantity.optional(), unit: Unit.optional(), currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD').optional() }),
  ])
  .meta({ id: 'SeizedItem' });

export const RouteStopBody = z.strictObject({ stage: z.enum(ROUTE_STAGES), country: Alpha3, port: Short.optional() }).meta({ id: 'RouteStop' });

export const RegistryPartyBody = z
  .strictObject({
    role: z.string().trim().min(1).max(40).describe('Seizures: consignor, consignee, carrier, owner, payer. Incidents: owner, operator, master, charterer, agent'),
    kind: z.enum(PARTY_KINDS),
    name: Short,
    entityId: z.uuid().nullable().optional().describe('An entity of the record\u2019s case'),
    identifier: Short.optional().describe('A phone, account, registration or tax number'),
  })
  .meta({ id: 'RegistryParty' });

export const ConveyanceBody = z
  .strictObject({
    vesselName: Short.optional(),
    vesselImo: z.string().trim().max(20).optional().describe('IMO number, 7 digits with the check digit'),
    vesselFlag: Alpha3.optional(),
    containerNumber: Short.optional(),
    flightNumber: Short.optional(),
    airWaybill: Short.optional(),
    trackingNumber: Short.optional(),
    vehicleRegistration: Short.optional(),
  })
  .meta({ id: 'Conveyance' });

const SourceBody = z.strictObject({ title: Short, reference: Short.optional() });

const seizureFields = {
  occurredAt: EventTime,
  country: Alpha3,
  place: Short.optional(),
  latitude: Latitude.nullable().optional(),
  longitude: Longitude.nullable().optional(),
  locationKind: z.enum(LOCATION_KINDS),
  locationPoint: Short.optional().describe('The port, airport or border crossing (name or UN/LOCODE)'),
  authority: Short,
  detectionMethod: z.enum(DETECTION_METHODS),
  conveyanceType: z.enum(CONVEYANCE_TYPES),
  conveyance: ConveyanceBody.optional(),
  route: z.array(RouteStopBody).max(20).optional(),
  parties: z.array(RegistryPartyBody).max(50).optional(),
  items: z.array(SeizedItemBody).min(1).max(100),
  iccsCode: z.string().trim().regex(/^\d{2,6}$/, 'an ICCS code such as 06012').describe('From the ICCS list (GET /api/v1/seizures/reference)'),
  summary: Long.optional(),
  caseId: z.uuid().nullable().optional().describe('A case of your organisation whose team you are on'),
  marking: TlpMarking.optional().describe('AMBER when not given'),
  handling: HandlingCode.optional(),
  sources: z.array(SourceBody).max(20).optional(),
};

export const CreateSeizureBody = z.strictObject({ reference: Reference.optional().describe('Unique in your organisation; SZ-<year>-<n> when absent'), ...seizureFields }).meta({ id: 'CreateSeizureBody' });
export const PatchSeizureBody = z
  .strictObject({ version: z.number().int().positive().describe('The version you edited (optimistic locking)'), ...Object.fromEntries(Object.entries(seizureFields).map(([k, v]) => [k, v.optional()])) } as {
    version: z.ZodNumber;
  } & { [K in keyof typeof seizureFields]: z.ZodOptional<(typeof seizureFields)[K]> })
  .meta({ id: 'PatchSeizureBody' });

const MarkingView = z.object({ tlp: z.string(), handling: z.string(), effectiveTlp: z.string() });
const CaseRef = z.object({ id: z.string(), reference: z.string(), title: z.string() }).nullable();
const PartyView = z.object({ role: z.string(), kind: z.string(), name: z.string(), entityId: z.string().nullable(), identifier: z.string().nullable() });

export const SeizureView = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    reference: z.string(),
    occurredAt: z.string(),
    timeKnown: z.boolean(),
    country: z.string(),
    place: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    locationKind: z.string(),
    locationPoint: z.string().nullable(),
    authority: z.string(),
    detectionMethod: z.string(),
    conveyanceType: z.string(),
    conveyance: z.record(z.string(), z.string()),
    route: z.array(z.object({ stage: z.string(), country: z.string(), port: z.string().nullable() })),
    parties: z.array(PartyView),
    items: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
    domains: z.array(z.string()),
    iccsCode: z.string(),
    summary: z.string().nullable(),
    case: CaseRef,
    marking: MarkingView,
    sources: z.array(z.object({ title: z.string(), reference: z.string().optional() })),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SeizureView' });

export const SeizureListQuery = z
  .strictObject({
    domain: SeizureDomain.optional(),
    country: Alpha3.optional(),
    from: z.iso.date().optional().describe('From this day (inclusive)'),
    to: z.iso.date().optional().describe('Up to this day (inclusive)'),
    species: z.string().max(200).optional(),
    substance: z.string().max(200).optional(),
    name: z.string().max(200).optional().describe('Any item name: species, substance, product, brand'),
    caseId: z.uuid().optional(),
    vesselImo: z.string().max(20).optional(),
    iccs: z.string().regex(/^\d{2,6}$/).optional().describe('An ICCS code or its prefix'),
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  });

const ListedSeizure = z.object({
  id: z.string(),
  reference: z.string(),
  occurredAt: z.string(),
  country: z.string(),
  place: z.string().nullable(),
  locationPoint: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  domains: z.array(z.string()),
  items: z.array(z.object({ domain: z.string(), name: z.string(), quantity: z.number().nullable(), unit: z.string().nullable() })),
  conveyanceType: z.string(),
  iccsCode: z.string(),
  case: CaseRef,
  marking: MarkingView,
  /** Set when the marking keeps the caller (a node administrator) from reading the record. */
  withheld: z.boolean(),
});
export const SeizureList = z.object({ items: z.array(ListedSeizure), total: z.number().int() }).meta({ id: 'SeizureList' });

const RecordProblemView = z.object({ field: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).optional() });

export const SEIZURE_IMPORT_FIELDS = [
  'reference',
  'occurredAt',
  'country',
  'place',
  'latitude',
  'longitude',
  'locationKind',
  'locationPoint',
  'authority',
  'detectionMethod',
  'conveyanceType',
  'vesselName',
  'vesselImo',
  'vesselFlag',
  'containerNumber',
  'flightNumber',
  'originCountry',
  'originPort',
  'transitCountry',
  'transitPort',
  'destinationCountry',
  'destinationPort',
  'consignor',
  'consignee',
  'carrier',
  'owner',
  'payer',
  'domain',
  'itemName',
  'specimenType',
  'quantity',
  'unit',
  'purity',
  'activeIngredient',
  'batch',
  'claimedManufacturer',
  'productType',
  'taxStamps',
  'currency',
  'iccsCode',
  'summary',
  'marking',
] as const;
export const SeizureImportField = z.enum(SEIZURE_IMPORT_FIELDS).meta({ id: 'SeizureImportField' });

/** The body of an import: the same for every kind of record, with that kind's fields in the mapping. */
function importBody<F extends readonly [string, ...string[]]>(field: z.ZodEnum<{ [K in F[number]]: K }>, recordsName: string) {
  return z.strictObject({
    format: z.enum(['csv', 'xlsx']),
    /** CSV text, or the XLSX file in base64. */
    content: z.string().min(1).max(28_000_000),
    /** Column header → field; columns left out are guessed from their header, an empty string ignores a column. */
    mapping: z.record(z.string().max(200), z.union([field, z.literal('')])).optional(),
    /** Check only: the report without storing anything. */
    dryRun: z.boolean().optional(),
    caseId: z.uuid().nullable().optional().describe(`The case every imported ${recordsName} belongs to`),
    marking: TlpMarking.optional(),
  });
}

export const SeizureImportBody = importBody<typeof SEIZURE_IMPORT_FIELDS>(SeizureImportField, 'seizure').meta({ id: 'SeizureImportBody' });

export const SeizureImportReport = z
  .object({
    imported: z.number().int(),
    rows: z.number().int(),
    dryRun: z.boolean(),
    columns: z.array(z.string()),
    mapping: z.record(z.string(), z.string()),
    fields: z.array(z.string()),
    /** Row numbers are those of the file (the header is row 1). */
    problems: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), field: z.string(), code: z.string(), params: RecordProblemView.shape.params })),
    created: z.array(z.object({ row: z.number().int(), id: z.string(), reference: z.string() })),
  })
  .meta({ id: 'SeizureImportReport', description: 'The report of an import of seizures or incidents; nothing is imported when any row has a problem' });

// ── Maritime incidents ──────────────────────────────────────────────────────────────────────

const incidentFields = {
  occurredAt: EventTime,
  latitude: Latitude,
  longitude: Longitude,
  area: Short.optional(),
  country: Alpha3.nullable().optional().describe('The coastal State, when in its waters'),
  vessel: z.strictObject({ name: Short, imo: z.string().trim().max(20).optional(), flag: Alpha3.optional(), type: Short }),
  vesselStatus: z.enum(VESSEL_STATUSES),
  kind: z.enum(INCIDENT_KINDS),
  narrative: z.string().trim().min(1).max(20_000),
  crew: z.strictObject(Object.fromEntries(CREW_CONSEQUENCES.map((c) => [c, z.number().int().min(0).max(10_000).optional()])) as Record<(typeof CREW_CONSEQUENCES)[number], z.ZodOptional<z.ZodNumber>>).optional(),
  reportingSource: Short,
  iccsCode: z.string().trim().regex(/^\d{2,6}$/).optional().describe('11012 for piracy and hijacking, 0401 otherwise, when absent'),
  parties: z.array(RegistryPartyBody).max(50).optional(),
  caseId: z.uuid().nullable().optional(),
  marking: TlpMarking.optional(),
  handling: HandlingCode.optional(),
  sources: z.array(SourceBody).max(20).optional(),
};
export const CreateIncidentBody = z.strictObject({ reference: Reference.optional().describe('MI-<year>-<n> when absent'), ...incidentFields }).meta({ id: 'CreateIncidentBody' });
export const PatchIncidentBody = z
  .strictObject({ version: z.number().int().positive(), ...Object.fromEntries(Object.entries(incidentFields).map(([k, v]) => [k, v.optional()])) } as {
    version: z.ZodNumber;
  } & { [K in keyof typeof incidentFields]: z.ZodOptional<(typeof incidentFields)[K]> })
  .meta({ id: 'PatchIncidentBody' });

export const IncidentView = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    reference: z.string(),
    occurredAt: z.string(),
    timeKnown: z.boolean(),
    latitude: z.number(),
    longitude: z.number(),
    area: z.string().nullable(),
    country: z.string().nullable(),
    vessel: z.object({ name: z.string(), imo: z.string().nullable(), flag: z.string().nullable(), type: z.string() }),
    vesselStatus: z.string(),
    kind: z.string(),
    narrative: z.string(),
    crew: z.record(z.string(), z.number()),
    reportingSource: z.string(),
    iccsCode: z.string(),
    parties: z.array(PartyView),
    case: CaseRef,
    marking: MarkingView,
    sources: z.array(z.object({ title: z.string(), reference: z.string().optional() })),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'IncidentView' });

export const IncidentListQuery = z
  .strictObject({
    kind: z.enum(INCIDENT_KINDS).optional(),
    country: Alpha3.optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    caseId: z.uuid().optional(),
    vesselImo: z.string().max(20).optional(),
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  });

const ListedIncident = z.object({
  id: z.string(),
  reference: z.string(),
  occurredAt: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  area: z.string().nullable(),
  vesselName: z.string(),
  vesselImo: z.string().nullable(),
  kind: z.string(),
  vesselStatus: z.string(),
  case: CaseRef,
  marking: MarkingView,
  withheld: z.boolean(),
});
export const IncidentList = z.object({ items: z.array(ListedIncident), total: z.number().int() }).meta({ id: 'IncidentList' });

export const RegistryReference = z
  .object({
    iccs: z.array(z.object({ code: z.string(), level: z.number().int(), title: z.string(), certain: z.boolean() })),
    species: z.array(z.object({ name: z.string(), common: z.string(), cites: z.string().nullable() })),
    substances: z.array(z.object({ name: z.string(), aliases: z.array(z.string()), control: z.string().nullable() })),
  })
  .meta({ id: 'RegistryReference' });

/** The columns an incident import can fill: one row per incident; crew consequences one column each. */
export const INCIDENT_IMPORT_FIELDS = [
  'reference',
  'occurredAt',
  'latitude',
  'longitude',
  'area',
  'country',
  'vesselName',
  'vesselImo',
  'vesselFlag',
  'vesselType',
  'vesselStatus',
  'incidentKind',
  'narrative',
  'crewHostage',
  'crewKidnapped',
  'crewInjured',
  'crewKilled',
  'crewMissing',
  'crewAssaulted',
  'crewThreatened',
  'reportingSource',
  'owner',
  'operator',
  'master',
  'charterer',
  'agent',
  'iccsCode',
  'marking',
] as const;
export const IncidentImportField = z.enum(INCIDENT_IMPORT_FIELDS).meta({ id: 'IncidentImportField' });
export const IncidentImportBody = importBody<typeof INCIDENT_IMPORT_FIELDS>(IncidentImportField, 'incident').meta({ id: 'IncidentImportBody' });
