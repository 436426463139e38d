// Synthetic but realistic demo data for the registries (issue 14 part 3): seizures in several
// domains and maritime incidents that share vessels, companies, payers and ports, so that the
// same network shows up behind a pangolin-scale seizure and a cigarette container. Deterministic
// for a seed (a small xorshift generator), so tests and the demo see the same records.
import { defaultSeizureIccs, isValidImo } from './seizure.ts';
import type { IncidentInput, ReferenceLists, SeizedItem, SeizureDomain, SeizureInput } from './seizure.ts';

export interface DemoOptions {
  seed: number;
  seizures: number;
  incidents: number;
  /** The latest date records may have (YYYY-MM-DD); they spread over the two years before it. */
  until: string;
}

function rng(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

/** A valid IMO number from six digits (the check digit computed). */
export function imoFrom(six: number): string {
  const d = String(100000 + (six % 900000)).padStart(6, '0');
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(d[i]) * (7 - i);
  const imo = `${d}${sum % 10}`;
  if (!isValidImo(imo)) throw new Error('imo');
  return imo;
}

interface Port {
  name: string;
  country: string;
  lat: number;
  lon: number;
  kind: 'seaport' | 'airport';
}

export const DEMO_PORTS: readonly Port[] = [
  { name: 'Mombasa', country: 'KEN', lat: -4.05, lon: 39.67, kind: 'seaport' },
  { name: 'Dar es Salaam', country: 'TZA', lat: -6.82, lon: 39.29, kind: 'seaport' },
  { name: 'Lagos (Apapa)', country: 'NGA', lat: 6.44, lon: 3.36, kind: 'seaport' },
  { name: 'Port Klang', country: 'MYS', lat: 3.0, lon: 101.39, kind: 'seaport' },
  { name: 'Hai Phong', country: 'VNM', lat: 20.86, lon: 106.68, kind: 'seaport' },
  { name: 'Singapore', country: 'SGP', lat: 1.26, lon: 103.84, kind: 'seaport' },
  { name: 'Jebel Ali', country: 'ARE', lat: 25.01, lon: 55.06, kind: 'seaport' },
  { name: 'Antwerp', country: 'BEL', lat: 51.26, lon: 4.4, kind: 'seaport' },
  { name: 'Rotterdam', country: 'NLD', lat: 51.95, lon: 4.14, kind: 'seaport' },
  { name: 'Guayaquil', country: 'ECU', lat: -2.28, lon: -79.91, kind: 'seaport' },
  { name: 'Santos', country: 'BRA', lat: -23.98, lon: -46.3, kind: 'seaport' },
  { name: 'Algeciras', country: 'ESP', lat: 36.13, lon: -5.44, kind: 'seaport' },
  { name: 'Hamburg', country: 'DEU', lat: 53.54, lon: 9.97, kind: 'seaport' },
  { name: 'Addis Ababa Bole', country: 'ETH', lat: 8.98, lon: 38.8, kind: 'airport' },
  { name: 'Doha Hamad', country: 'QAT', lat: 25.27, lon: 51.61, kind: 'airport' },
];

const VESSELS = ['MSC ARIANE', 'KOTA HARUM', 'OCEAN PEARL', 'SEA FORTUNE', 'MAERSK LIMA', 'GOLDEN DAWN', 'AL NOOR', 'PACIFIC STAR', 'NORDIC CROWN', 'CAPE VERDE'];
const FLAGS = ['PAN', 'LBR', 'MHL', 'SGP', 'MLT', 'BHS', 'TGO', 'CMR'];
const COMPANIES = [
  'Blue Ocean Trading Ltd',
  'Sahel Timber & Logistics SARL',
  'Golden Gate Import Export Co',
  'Eastern Star Shipping LLC',
  'Verde Agro Exports SA',
  'Crescent Freight Forwarding',
  'Nova Pharma Distribution GmbH',
  'Jade Dragon Trading Co',
  'Atlantic Bridge Logistics Ltd',
  'Red Sea Commodities LLC',
];
const PEOPLE = ['Joseph Mwangi', 'Nguyen Van Long', 'Ahmed Al-Rashid', 'Maria Fernandes', 'Chen Wei', 'Oluwaseun Adeyemi', 'Pieter de Vries', 'Fatima Bello'];
const AUTHORITIES: Record<string, string> = {
  KEN: 'Kenya Revenue Authority — Customs',
  TZA: 'Tanzania Revenue Authority',
  NGA: 'Nigeria Customs Service',
  MYS: 'Royal Malaysian Customs',
  VNM: 'Viet Nam Customs',
  SGP: 'Singapore Immigration & Checkpoints Authority',
  ARE: 'Dubai Customs',
  BEL: 'Belgian Customs (AAD&A)',
  NLD: 'Dutch Customs (Douane)',
  ECU: 'Policía Nacional — Antinarcóticos',
  BRA: 'Receita Federal',
  ESP: 'Agencia Tributaria — Vigilancia Aduanera',
  DEU: 'Zoll Hamburg',
  ETH: 'Ethiopian Customs Commission',
  QAT: 'Qatar General Authority of Customs',
};

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

// The long tail: most consignors, consignees and payers of a real registry appear in a handful of
// seizures, not in a tenth of them. Names are drawn from these parts plus a number, so that chunks
// generated with different seeds (the registry bench) rarely share a tail name by chance.
const TAIL_FIRST = ['Horizon', 'Summit', 'Delta', 'Coastal', 'Savanna', 'Lotus', 'Meridian', 'Harbour', 'Silk Road', 'Baobab', 'Orchid', 'Falcon', 'Kilimanjaro', 'Mekong', 'Andes', 'Nile', 'Zenith', 'Pioneer'];
const TAIL_TRADE = ['Trading', 'Logistics', 'Freight', 'Import Export', 'Commodities', 'Distribution', 'Shipping', 'Holdings'];
const TAIL_FORM = ['Ltd', 'LLC', 'SARL', 'GmbH', 'SA', 'Co', 'Pte Ltd', 'FZE'];
const GIVEN = ['Amina', 'David', 'Li', 'Carlos', 'Grace', 'Ivan', 'Thanh', 'Omar', 'Sofia', 'Kwame', 'Aisha', 'Jonas'];
const FAMILY = ['Okafor', 'Tran', 'Haddad', 'Silva', 'Kamau', 'Novak', 'Rahman', 'Mensah', 'Zhang', 'Ortiz', 'Petrov', 'Diallo'];
/** Share of parties drawn from the shared network (the rest from the long tail). */
const NETWORK_SHARE = 0.2;

/** A network of vessels and companies, shared across domains, and a long tail that scales with the data set. */
function network(r: () => number, seizures: number) {
  const vessels = VESSELS.map((name, i) => ({ name, imo: imoFrom(910000 + i * 7919 + Math.floor(r() * 1000)), flag: pick(r, FLAGS) }));
  // About twenty seizures per tail company and ten per tail payer in a data set.
  const tailCompanies = Array.from({ length: Math.max(10, Math.ceil(seizures / 20)) }, () => `${pick(r, TAIL_FIRST)} ${pick(r, TAIL_TRADE)} ${Math.floor(r() * 90000 + 10000)} ${pick(r, TAIL_FORM)}`);
  const tailPeople = Array.from({ length: Math.max(8, Math.ceil(seizures / 25)) }, () => `${pick(r, GIVEN)} ${pick(r, FAMILY)}-${Math.floor(r() * 9000 + 1000)}`);
  const tailVessels = Array.from({ length: Math.max(10, Math.ceil(seizures / 200)) }, (_, i) => ({ name: `${pick(r, TAIL_FIRST).toUpperCase()} ${i + 1}`, imo: imoFrom(920000 + Math.floor(r() * 70000)), flag: pick(r, FLAGS) }));
  return { vessels, companies: COMPANIES, people: PEOPLE, tailCompanies, tailPeople, tailVessels };
}

function itemFor(r: () => number, domain: SeizureDomain, lists: ReferenceLists): SeizedItem {
  switch (domain) {
    case 'wildlife': {
      const s = pick(r, lists.species);
      const timber = /Dalbergia|Pterocarpus|Aquilaria/.test(s.name);
      const specimen = timber ? 'timber' : /Manis|Phataginus|Smutsia/.test(s.name) ? 'scales' : /Loxodonta|Elephas/.test(s.name) ? 'ivory' : /Rhinoceros|Diceros|Ceratotherium/.test(s.name) ? 'horn' : /Totoaba/.test(s.name) ? 'swim-bladder' : 'derivatives';
      return { domain, species: s.name, specimenType: specimen as 'timber', quantity: Math.round(5 + r() * (timber ? 40000 : 2000)), unit: 'kg' };
    }
    case 'drugs': {
      const s = pick(r, lists.substances.filter((x) => x.control !== null && !x.control.startsWith('1988')));
      return { domain, substance: s.name, quantity: Math.round((1 + r() * 900) * 10) / 10, unit: 'kg', purity: r() < 0.5 ? Math.round(20 + r() * 70) : null };
    }
    case 'medical':
      return { domain, product: pick(r, ['Coartem 20/120 tablets', 'Amoxicillin 500 mg capsules', 'Tramadol 225 mg tablets', 'Paracetamol 500 mg', 'Ceftriaxone 1 g injection']), activeIngredient: pick(r, ['artemether/lumefantrine', 'amoxicillin', 'tramadol', 'paracetamol', 'ceftriaxone']), batch: `B${Math.floor(r() * 900000 + 100000)}`, claimedManufacturer: pick(r, ['Novartis', 'GSK', 'Sanofi', 'Cipla']), status: pick(r, ['falsified', 'substandard', 'unregistered'] as const), quantity: Math.round(1000 + r() * 500000), unit: 'tablets' };
    case 'tobacco':
      return { domain, productType: 'cigarettes', brand: pick(r, ['Manchester', 'Oris', 'Marble', 'Gold Seal', 'Cape']), quantity: Math.round(200 + r() * 9000) * 1000, unit: 'sticks', taxStamps: pick(r, ['none', 'counterfeit', 'foreign'] as const) };
    case 'other':
      return r() < 0.5 ? { domain, description: 'Cash', quantity: Math.round(10000 + r() * 900000), unit: 'currency', currency: pick(r, ['USD', 'EUR']) } : { domain, description: pick(r, ['Counterfeit auto parts', 'Undeclared gold bars', 'Mislabelled electronics']), quantity: Math.round(10 + r() * 5000), unit: 'kg' };
    default: {
      const never: never = domain;
      return never;
    }
  }
}

const DOMAIN_WEIGHTS: [SeizureDomain, number][] = [
  ['wildlife', 0.3],
  ['drugs', 0.3],
  ['tobacco', 0.2],
  ['medical', 0.12],
  ['other', 0.08],
];

function weightedDomain(r: () => number): SeizureDomain {
  let x = r();
  for (const [d, w] of DOMAIN_WEIGHTS) {
    if (x < w) return d;
    x -= w;
  }
  return 'other';
}

function dayBefore(until: string, r: () => number): string {
  const end = Date.parse(`${until}T00:00:00Z`);
  return new Date(end - Math.floor(r() * 730) * 86_400_000).toISOString().slice(0, 10);
}

export function generateDemoData(lists: ReferenceLists, opts: DemoOptions): { seizures: (SeizureInput & { reference: string })[]; incidents: (IncidentInput & { reference: string })[] } {
  const r = rng(opts.seed);
  const net = network(r, opts.seizures);
  const company = (not?: string) => {
    for (;;) {
      const c = r() < NETWORK_SHARE ? pick(r, net.companies) : pick(r, net.tailCompanies);
      if (c !== not) return c;
    }
  };
  const seizures: (SeizureInput & { reference: string })[] = [];
  for (let n = 1; n <= opts.seizures; n++) {
    const domain = weightedDomain(r);
    const at = pick(r, DEMO_PORTS);
    const origin = pick(r, DEMO_PORTS.filter((p) => p.country !== at.country));
    const transit = r() < 0.5 ? pick(r, DEMO_PORTS.filter((p) => p.country !== at.country && p.country !== origin.country)) : null;
    const destination = r() < 0.6 ? at : pick(r, DEMO_PORTS.filter((p) => p !== at && p !== origin));
    const byAir = at.kind === 'airport';
    const vessel = byAir ? null : r() < 0.5 ? pick(r, net.vessels) : pick(r, net.tailVessels);
    const items: SeizedItem[] = [itemFor(r, domain, lists)];
    // Some seizures hold goods of a second domain: the mixed consignments backtracking is for.
    if (r() < 0.15) items.push(itemFor(r, weightedDomain(r), lists));
    const consignor = company();
    const consignee = company(consignor);
    seizures.push({
      reference: `DEMO-SZ-${String(n).padStart(5, '0')}`,
      occurredAt: dayBefore(opts.until, r),
      country: at.country,
      place: at.name,
      latitude: Math.round((at.lat + (r() - 0.5) * 0.05) * 10000) / 10000,
      longitude: Math.round((at.lon + (r() - 0.5) * 0.05) * 10000) / 10000,
      locationKind: at.kind,
      locationPoint: at.name,
      authority: AUTHORITIES[at.country] ?? 'Customs',
      detectionMethod: pick(r, ['risk-profiling', 'x-ray', 'detector-dog', 'intelligence', 'documentary-check', 'physical-inspection'] as const),
      conveyanceType: byAir ? pick(r, ['passenger', 'air-cargo'] as const) : 'container',
      conveyance: vessel ? { vesselName: vessel.name, vesselImo: vessel.imo, vesselFlag: vessel.flag, containerNumber: `${pick(r, ['MSCU', 'MAEU', 'CMAU', 'TGHU'])}${Math.floor(r() * 9000000 + 1000000)}` } : { flightNumber: `${pick(r, ['ET', 'QR', 'EK'])}${Math.floor(r() * 900 + 100)}` },
      route: [{ stage: 'origin', country: origin.country, port: origin.name }, ...(transit ? [{ stage: 'transit' as const, country: transit.country, port: transit.name }] : []), { stage: 'destination', country: destination.country, port: destination.name }],
      parties: [
        { role: 'consignor', kind: 'company', name: consignor },
        { role: 'consignee', kind: 'company', name: consignee },
        ...(r() < 0.4 ? [{ role: 'payer', kind: 'person' as const, name: r() < NETWORK_SHARE ? pick(r, net.people) : pick(r, net.tailPeople), identifier: `+${Math.floor(r() * 9e10 + 1e10)}` }] : []),
      ],
      items,
      iccsCode: defaultSeizureIccs(domain),
    });
  }
  const incidents: (IncidentInput & { reference: string })[] = [];
  const AREAS = [
    { area: 'Singapore Strait', lat: 1.2, lon: 104.0, country: 'IDN' },
    { area: 'Gulf of Guinea, off Bonny', lat: 4.1, lon: 7.0, country: 'NGA' },
    { area: 'Gulf of Aden', lat: 12.6, lon: 47.5, country: null },
    { area: 'Callao anchorage', lat: -12.03, lon: -77.2, country: 'PER' },
    { area: 'Chittagong anchorage', lat: 22.2, lon: 91.7, country: 'BGD' },
  ];
  for (let n = 1; n <= opts.incidents; n++) {
    const a = pick(r, AREAS);
    const v = pick(r, net.vessels);
    const kind = a.country === null ? pick(r, ['piracy', 'attempted', 'hijacking'] as const) : pick(r, ['armed-robbery', 'boarding', 'kidnapping', 'attempted'] as const);
    incidents.push({
      reference: `DEMO-MI-${String(n).padStart(5, '0')}`,
      occurredAt: `${dayBefore(opts.until, r)}T${String(Math.floor(r() * 24)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:00Z`,
      latitude: Math.round((a.lat + (r() - 0.5) * 0.6) * 10000) / 10000,
      longitude: Math.round((a.lon + (r() - 0.5) * 0.6) * 10000) / 10000,
      area: a.area,
      country: a.country,
      vessel: { name: v.name, imo: v.imo, flag: v.flag, type: pick(r, ['container ship', 'bulk carrier', 'product tanker', 'general cargo']) },
      vesselStatus: a.country ? pick(r, ['anchored', 'berthed', 'underway'] as const) : 'underway',
      kind,
      narrative: kind === 'attempted' ? 'A skiff approached; the alarm was raised and the skiff moved away.' : 'Armed persons boarded the vessel, stole ship stores and escaped.',
      crew: kind === 'kidnapping' ? { kidnapped: 1 + Math.floor(r() * 6) } : kind === 'hijacking' ? { hostage: 10 + Math.floor(r() * 15) } : r() < 0.3 ? { threatened: 1 + Math.floor(r() * 3) } : {},
      reportingSource: pick(r, ['ReCAAP ISC', 'IMB Piracy Reporting Centre', 'MDAT-GoG', 'UKMTO']),
      parties: [{ role: 'owner', kind: 'company', name: pick(r, net.companies) }],
    });
  }
  return { seizures, incidents };
}

/** One CSV row per item (rows sharing a reference are one seizure), with the import's column names. */
export function seizuresAsCsv(seizures: readonly SeizureInput[]): string {
  const cols = ['reference', 'occurredAt', 'country', 'place', 'latitude', 'longitude', 'locationKind', 'locationPoint', 'authority', 'detectionMethod', 'conveyanceType', 'vesselName', 'vesselImo', 'vesselFlag', 'containerNumber', 'originCountry', 'originPort', 'destinationCountry', 'destinationPort', 'consignor', 'consignee', 'payer', 'domain', 'itemName', 'specimenType', 'quantity', 'unit', 'currency', 'purity', 'iccsCode'];
  const esc = (v: unknown) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [cols.join(',')];
  for (const s of seizures) {
    const origin = s.route?.find((x) => x.stage === 'origin');
    const dest = s.route?.find((x) => x.stage === 'destination');
    const party = (role: string) => s.parties?.find((p) => p.role === role)?.name;
    for (const item of s.items) {
      const name = item.domain === 'wildlife' ? item.species : item.domain === 'drugs' ? item.substance : item.domain === 'medical' ? item.product : item.domain === 'tobacco' ? item.brand : item.description;
      const row: Record<string, unknown> = {
        reference: s.reference,
        occurredAt: s.occurredAt,
        country: s.country,
        place: s.place,
        latitude: s.latitude,
        longitude: s.longitude,
        locationKind: s.locationKind,
        locationPoint: s.locationPoint,
        authority: s.authority,
        detectionMethod: s.detectionMethod,
        conveyanceType: s.conveyanceType,
        vesselName: s.conveyance?.vesselName,
        vesselImo: s.conveyance?.vesselImo,
        vesselFlag: s.conveyance?.vesselFlag,
        containerNumber: s.conveyance?.containerNumber,
        originCountry: origin?.country,
        originPort: origin?.port,
        destinationCountry: dest?.country,
        destinationPort: dest?.port,
        consignor: party('consignor'),
        consignee: party('consignee'),
        payer: party('payer'),
        domain: item.domain,
        itemName: name,
        specimenType: item.domain === 'wildlife' ? item.specimenType : undefined,
        quantity: item.quantity,
        unit: item.unit,
        currency: item.domain === 'other' ? item.currency : undefined,
        purity: item.domain === 'drugs' ? item.purity : undefined,
        iccsCode: s.iccsCode,
      };
      lines.push(cols.map((c) => esc(row[c])).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The columns of `incidentsAsCsv`: the incident import's field names, one row per incident. */
export const INCIDENT_CSV_COLUMNS = ['reference', 'occurredAt', 'latitude', 'longitude', 'area', 'country', 'vesselName', 'vesselImo', 'vesselFlag', 'vesselType', 'vesselStatus', 'incidentKind', 'narrative', 'crewHostage', 'crewKidnapped', 'crewInjured', 'crewKilled', 'crewMissing', 'crewAssaulted', 'crewThreatened', 'reportingSource', 'owner', 'operator', 'master'] as const;

/** The values of one incident under `INCIDENT_CSV_COLUMNS` (the CSV and the sample workbook write the same cells). */
export function incidentCells(i: IncidentInput & { reference?: string | undefined }): (string | number | null)[] {
  const party = (role: string) => i.parties?.find((p) => p.role === role)?.name ?? null;
  const crew = i.crew ?? {};
  const row: Record<(typeof INCIDENT_CSV_COLUMNS)[number], string | number | null | undefined> = {
    reference: i.reference,
    occurredAt: i.occurredAt,
    latitude: i.latitude,
    longitude: i.longitude,
    area: i.area,
    country: i.country,
    vesselName: i.vessel.name,
    vesselImo: i.vessel.imo,
    vesselFlag: i.vessel.flag,
    vesselType: i.vessel.type,
    vesselStatus: i.vesselStatus,
    incidentKind: i.kind,
    narrative: i.narrative,
    crewHostage: crew.hostage,
    crewKidnapped: crew.kidnapped,
    crewInjured: crew.injured,
    crewKilled: crew.killed,
    crewMissing: crew.missing,
    crewAssaulted: crew.assaulted,
    crewThreatened: crew.threatened,
    reportingSource: i.reportingSource,
    owner: party('owner'),
    operator: party('operator'),
    master: party('master'),
  };
  return INCIDENT_CSV_COLUMNS.map((c) => row[c] ?? null);
}

/** One CSV row per maritime incident, with the incident import's column names. */
export function incidentsAsCsv(incidents: readonly (IncidentInput & { reference?: string | undefined })[]): string {
  const esc = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[INCIDENT_CSV_COLUMNS.join(','), ...incidents.map((i) => incidentCells(i).map(esc).join(','))].join('\n')}\n`;
}
