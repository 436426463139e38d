// The words a person sees for a field of a request (or of another form), from the dotted path the
// API and the completeness check use ("measures[0].order.issuedOn"). Internal names never reach the
// screen: a path the table does not know reads "this field".

export interface LabelPart {
  key: string;
  vars?: Record<string, number>;
}

const TOP: Record<string, string> = {
  type: 'requests.field.type',
  title: 'requests.field.title',
  caseReference: 'requests.field.caseReference',
  language: 'requests.field.language',
  marking: 'requests.field.marking',
  requestedState: 'requests.field.requestedState',
  requestedOrganisationId: 'requests.field.requestedOrganisationId',
  requestedNodeId: 'requests.field.requestedOrganisationId',
  legalBasis: 'requests.field.legalBasis',
  'legalBasis.assurance': 'requests.basis.assurance',
  offences: 'requests.field.offences',
  facts: 'requests.field.facts',
  applicableLaw: 'requests.field.applicableLaw',
  proceedings: 'requests.field.proceedings',
  'proceedings.authority': 'requests.field.proceedingsAuthority',
  'proceedings.authorityFunctions': 'requests.field.authorityFunctions',
  'proceedings.stage': 'requests.field.stage',
  purpose: 'requests.field.purpose',
  persons: 'requests.field.persons',
  measures: 'requests.field.measures',
  procedure: 'requests.field.procedure',
  urgency: 'requests.field.urgency',
  'urgency.urgent': 'requests.field.urgent',
  'urgency.reason': 'requests.field.urgencyReason',
  deadline: 'requests.field.deadline',
  deadlineReason: 'requests.field.deadlineReason',
  confidentiality: 'requests.field.confidentiality',
  'confidentiality.note': 'requests.field.confidentialityNote',
  useLimitations: 'requests.field.useLimitations',
  'useLimitations.limits': 'requests.field.useLimits',
  'useLimitations.speciality': 'requests.field.useLimitations',
};

const LISTS: Record<string, { item: string; fields: string }> = {
  persons: { item: 'requests.editor.personN', fields: 'requests.personField' },
  measures: { item: 'requests.editor.measureN', fields: 'requests.measureField' },
  offences: { item: 'requests.editor.offenceN', fields: 'requests.offenceField' },
};

/** Translation keys that name the field at `path`, outermost first. `known` tells whether a key exists. */
export function fieldLabelParts(path: string, known: (key: string) => boolean): LabelPart[] {
  const p = path
    .replace(/^body\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '');
  const top = TOP[p] ?? (p.startsWith('legalBasis.') ? TOP.legalBasis : undefined);
  if (top) return [{ key: top }];
  const m = /^(persons|measures|offences)\.(\d+)(?:\.(.+))?$/.exec(p);
  if (m) {
    const list = LISTS[m[1] as string] as { item: string; fields: string };
    const parts: LabelPart[] = [{ key: list.item, vars: { n: Number(m[2]) + 1 } }];
    const rest = m[3];
    if (!rest) return parts;
    const [head, sub] = rest.split('.') as [string, string | undefined];
    // A measure's order has its own labels (requests.order.issuedOn …).
    const key = head === 'order' && sub ? `requests.order.${sub}` : `${list.fields}.${head}`;
    parts.push({ key: known(key) ? key : 'common.thisField' });
    return parts;
  }
  return [{ key: 'common.thisField' }];
}
