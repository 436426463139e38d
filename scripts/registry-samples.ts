// Writes the sample files of the maritime-incident import (data/registries/samples/): twelve
// synthetic incidents from the demo-data generator (seed 7, up to 2026-06-30), as CSV and as an
// XLSX workbook with typed cells (dates, numbers) and headers as a person would write them, so
// that the import's header guessing and cell reading are exercised. Run after changing the
// generator: `node --import tsx scripts/registry-samples.ts`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INCIDENT_CSV_COLUMNS, generateDemoData, incidentCells, incidentsAsCsv } from '@comity/core/seizures/demo-data';
import { referenceLists } from '@comity/server/seizures/reference-lists';
import ExcelJS from 'exceljs';

const dir = join(import.meta.dirname, '..', 'data', 'registries', 'samples');
const { incidents } = generateDemoData(referenceLists(), { seed: 7, seizures: 40, incidents: 12, until: '2026-06-30' });
writeFileSync(join(dir, 'incidents-sample.csv'), incidentsAsCsv(incidents));

/** Headers as a reporting centre's spreadsheet might carry them (the import guesses the fields). */
const HEADERS: Record<(typeof INCIDENT_CSV_COLUMNS)[number], string> = {
  reference: 'Reference',
  occurredAt: 'Date and time (UTC)',
  latitude: 'Lat',
  longitude: 'Lon',
  area: 'Location',
  country: 'Coastal State',
  vesselName: 'Ship name',
  vesselImo: 'IMO number',
  vesselFlag: 'Flag',
  vesselType: 'Ship type',
  vesselStatus: 'Ship status',
  incidentKind: 'Incident type',
  narrative: 'What happened',
  crewHostage: 'Hostages',
  crewKidnapped: 'Kidnapped',
  crewInjured: 'Injured',
  crewKilled: 'Killed',
  crewMissing: 'Missing',
  crewAssaulted: 'Assaulted',
  crewThreatened: 'Threatened',
  reportingSource: 'Reported by',
  owner: 'Owner',
  operator: 'Operator',
  master: 'Master',
};
const wb = new ExcelJS.Workbook();
wb.created = new Date('2026-06-30T00:00:00Z');
wb.modified = wb.created;
const sheet = wb.addWorksheet('Incidents');
sheet.addRow(INCIDENT_CSV_COLUMNS.map((c) => HEADERS[c]));
for (const i of incidents) {
  const cells: (string | number | Date | null)[] = incidentCells(i);
  cells[INCIDENT_CSV_COLUMNS.indexOf('occurredAt')] = new Date(i.occurredAt);
  sheet.addRow(cells);
}
await wb.xlsx.writeFile(join(dir, 'incidents-sample.xlsx'));
console.log(`wrote ${incidents.length} incidents to ${dir}/incidents-sample.{csv,xlsx}`);
