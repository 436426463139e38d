// The formal letter of request as a small document model (title, metadata, sections of
// paragraphs and label/value rows), built from the request in one of the six UN languages. The
// HTML (for PDF) and DOCX renderers both draw this model, so the two formats say the same thing.
import type { Measure, Person, RequestContent, RequestType } from '@comity/core/requests/request';
import { instrumentPhrase } from './letter-grammar.ts';
import { fill, LETTER_TEXT, type LetterLanguage, type LetterText, labelled } from './letter-text.ts';

export type Block =
  | { kind: 'p'; text: string; user?: boolean }
  | { kind: 'rows'; rows: { label: string; value: string; user?: boolean }[] }
  | { kind: 'h3'; text: string };

export interface Letter {
  lang: LetterLanguage;
  dir: 'ltr' | 'rtl';
  /** Printed once in each page's header and once in its footer (marking.ts), not in the body. */
  marking: string;
  /** The addressee block: a heading line, the authority, its address lines, its State. */
  addressee: string[];
  title: string;
  meta: { label: string; value: string }[];
  intro: string;
  sections: { heading: string; blocks: Block[] }[];
  /** The sentence of thanks and the closing formula. */
  closing: string[];
  /** Name, title, authority and signature-block lines of the signatory; null while unapproved. */
  signatory: string[] | null;
  /** "Signature and seal: ____", or the draft notice. */
  signatureLine: string;
  footer: string;
}

/** The person who signs: the approver, with what their profile says. */
export interface Signatory {
  name: string;
  title: string | null;
  /** Free lines (service, address) from the profile. */
  block: string | null;
}

export interface LetterSource {
  type: RequestType;
  reference: string;
  /** When the letter is printed on the requested side: the requesting side's reference. */
  counterpartReference?: string | undefined;
  requesting: { name: string; state: string };
  /** `address`: postal lines of the requested authority when the data knows them (directory). */
  requested: { name: string | null; state: string; address?: string | null | undefined };
  content: RequestContent;
  /** Who approved, as a fallback label when no signatory profile is known (never printed as an e-mail). */
  approvedBy: string | null;
  /** The signatory printed under the closing formula (the approver's profile). */
  signatory?: Signatory | null | undefined;
  approvedAt: Date | null;
  transmittedAt: Date | null;
  attachments: { filename: string; size: number; sha256: string }[];
  /** The date printed on the letter. */
  date: Date;
}

export interface LetterLookups {
  stateName(code: string, lang: LetterLanguage): string;
  instrumentTitle(id: string, lang: LetterLanguage): string;
  /** Whether the data has the instrument's title in that language (else instrumentTitle gives the English one). */
  hasInstrumentTitle?(id: string, lang: LetterLanguage): boolean;
  /** The Convention a Protocol supplements (UNTOC-TIP → UNTOC), for the use-limitation articles. */
  supplements(id: string): string | null;
}

/** Where each instrument limits the use of what is furnished and keeps requests confidential. */
const USE_ARTICLES: Record<string, { use: string; confidential: string }> = {
  UNTOC: { use: 'UNTOC art. 18(19)', confidential: 'UNTOC art. 18(20)' },
  UNCAC: { use: 'UNCAC art. 46(19)', confidential: 'UNCAC art. 46(20)' },
  'DRUGS-1988': { use: 'DRUGS-1988 art. 7(13)', confidential: 'DRUGS-1988 art. 7(14)' },
};
const SPECIALITY: Record<string, string> = { 'ETS-024': 'ETS-024 art. 14' };

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function rows(pairs: [string, string | undefined | null, boolean?][]): Block {
  return {
    kind: 'rows',
    rows: pairs.filter((p): p is [string, string, boolean?] => typeof p[1] === 'string' && p[1].trim() !== '').map(([label, value, user]) => ({ label, value, user: user ?? true })),
  };
}

function personBlocks(t: LetterText, lang: LetterLanguage, lookups: LetterLookups, p: Person): Block[] {
  const yesNo = (b: boolean | undefined) => (b === undefined ? undefined : b ? t.yes : t.no);
  return [
    { kind: 'h3', text: `${p.name ?? '—'} \u2014 ${t.role[p.role]}${p.kind === 'legal' ? ` (${t.person.legalPerson})` : ''}` },
    rows([
      [t.person.aliases, p.aliases],
      [t.person.dateOfBirth, p.dateOfBirth, false],
      [t.person.placeOfBirth, p.placeOfBirth],
      [t.person.nationality, p.nationality ? `${lookups.stateName(p.nationality, lang)} (${p.nationality})` : undefined, false],
      [t.person.identityDocuments, p.identityDocuments],
      [t.person.location, p.location],
      [t.person.description, p.description],
      [t.person.protection, p.protectionNeeded === undefined ? undefined : `${yesNo(p.protectionNeeded)}${p.protectionDetails ? ` \u2014 ${p.protectionDetails}` : ''}`],
      [t.person.consent, p.consent ? t.consent[p.consent] : undefined, false],
      [t.person.wishesToBeInformed, yesNo(p.wishesToBeInformed), false],
      [t.person.notes, p.notes],
    ]),
  ];
}

function measureBlocks(t: LetterText, persons: Map<string, Person>, m: Measure, n: number): Block[] {
  const yesNo = (b: boolean | undefined) => (b === undefined ? undefined : b ? t.yes : t.no);
  const order = m.order
    ? [
        `${t.orderKind[m.order.kind]}${m.order.reference ? ` ${m.order.reference}` : ''}`,
        m.order.issuedBy ? `${t.orderIssuedBy} ${m.order.issuedBy}` : '',
        m.order.issuedOn ?? '',
        m.order.final ? t.orderFinal : '',
      ]
        .filter(Boolean)
        .join(', ')
    : undefined;
  return [
    { kind: 'h3', text: `${n}. ${t.measureKind[m.kind]}` },
    rows([
      [t.measure.description, m.description],
      [t.measure.persons, m.personIds?.map((id) => persons.get(id)?.name ?? id).join('; ')],
      [t.measure.location, m.location],
      [t.measure.custodian, m.custodian],
      [t.measure.accounts, m.accounts],
      [t.measure.period, m.period],
      [t.measure.items, m.items],
      [t.measure.questions, m.questions],
      [t.measure.videoconference, m.videoconference ? t.yes : undefined, false],
      [t.measure.videoconferenceReason, m.videoconferenceReason],
      [t.measure.relationToOffence, m.relationToOffence],
      [t.measure.necessity, m.necessity],
      [t.measure.followUp, yesNo(m.followUpRequestIntended), false],
      [t.measure.consentGiven, yesNo(m.consentGiven), false],
      [t.measure.custody, m.custodyArrangements],
      [t.measure.order, order],
      [t.measure.sentence, m.sentence],
      [t.measure.estimatedValue, m.estimatedValue],
      [t.measure.thirdPartyNotice, m.thirdPartyNotice],
      [t.measure.disposalGround, m.disposalGround ? `${t.disposal[m.disposalGround]} (UNCAC art. 57(3)(${m.disposalGround.slice(-1)}))` : undefined, false],
      [t.measure.priorOwnership, m.priorOwnership],
      [t.measure.disposalProposal, m.disposalProposal],
      [t.measure.reasons, m.reasons],
      [t.measure.composition, m.composition],
      [t.measure.duration, m.duration],
      [t.measure.conditions, m.conditions],
    ]),
  ];
}

export function buildLetter(source: LetterSource, lang: LetterLanguage, lookups: LetterLookups): Letter {
  const t = LETTER_TEXT[lang];
  const c = source.content;
  const requestingState = lookups.stateName(source.requesting.state, lang);
  const requestedState = lookups.stateName(source.requested.state, lang);
  const toName = source.requested.name ?? requestedState;
  const sections: Letter['sections'] = [];

  // Legal basis, with the citation as the engine gives it.
  const basis = c.legalBasis;
  const basisBlocks: Block[] = [];
  let basisInstrument: string | null = null;
  if (basis?.kind === 'treaty') {
    basisInstrument = basis.instrument;
    const citation = basis.citation ?? (basis.articles.length ? `${basis.instrument} art. ${basis.articles.join(', ')}` : basis.instrument);
    const titleLang = lang === 'en' || (lookups.hasInstrumentTitle?.(basis.instrument, lang) ?? true) ? lang : 'en';
    const instrument = instrumentPhrase(lang, lookups.instrumentTitle(basis.instrument, lang), titleLang);
    basisBlocks.push({ kind: 'p', text: fill(t.legalBasisTreaty, { instrument, citation }) });
  } else if (basis?.kind === 'reciprocity') {
    basisBlocks.push({ kind: 'p', text: t.legalBasisReciprocity });
    if (basis.assurance) basisBlocks.push(rows([[t.reciprocityAssurance, basis.assurance]]));
  } else basisBlocks.push({ kind: 'p', text: t.noLegalBasis });
  sections.push({ heading: t.section.legalBasis, blocks: basisBlocks });

  const p = c.proceedings;
  if (p.authority || p.stage || p.authorityFunctions) {
    sections.push({
      heading: t.section.proceedings,
      blocks: [rows([[t.proceedings.authority, p.authority], [t.proceedings.authorityFunctions, p.authorityFunctions], [t.proceedings.stage, p.stage ? t.stage[p.stage] : undefined, false]])],
    });
  }
  if (c.offences.length > 0) {
    sections.push({
      heading: t.section.offences,
      blocks: c.offences.flatMap((o, i): Block[] => [
        { kind: 'h3', text: `${i + 1}. ${t.offenceCategory[o.category]}${o.iccs ? ` \u2014 ${t.offence.iccs} ${o.iccs}` : ''}` },
        rows([
          [t.offence.legalDescription, o.legalDescription],
          [t.offence.provisions, o.provisions],
          [t.offence.maxPenalty, o.maxPenalty],
          [t.offence.timeAndPlace, o.timeAndPlace],
          [t.offence.limitation, o.limitation],
        ]),
      ]),
    });
  }
  if (c.facts?.trim()) sections.push({ heading: t.section.facts, blocks: paragraphs(c.facts) });
  if (c.applicableLaw?.trim()) sections.push({ heading: t.section.applicableLaw, blocks: paragraphs(c.applicableLaw) });
  if (c.persons.length > 0) sections.push({ heading: t.section.persons, blocks: c.persons.flatMap((x) => personBlocks(t, lang, lookups, x)) });
  const persons = new Map(c.persons.map((x) => [x.id, x]));
  if (c.measures.length > 0) sections.push({ heading: t.section.measures, blocks: c.measures.flatMap((m, i) => measureBlocks(t, persons, m, i + 1)) });
  if (c.procedure?.trim()) sections.push({ heading: t.section.procedure, blocks: paragraphs(c.procedure) });
  if (c.purpose?.trim()) sections.push({ heading: t.section.purpose, blocks: paragraphs(c.purpose) });

  const urgency: Block[] = [{ kind: 'p', text: c.urgency.urgent ? t.urgent : t.notUrgent }];
  urgency.push(rows([[t.urgencyReason, c.urgency.urgent ? c.urgency.reason : undefined], [t.deadline, c.deadline ?? undefined, false], [t.deadlineReason, c.deadlineReason]]));
  sections.push({ heading: t.section.urgency, blocks: urgency });

  // Confidentiality and use: the article of the chosen instrument (or of the Convention a Protocol supplements).
  const key = basisInstrument && (USE_ARTICLES[basisInstrument] ? basisInstrument : lookups.supplements(basisInstrument));
  const articles = key ? USE_ARTICLES[key] : undefined;
  const conf: Block[] = [];
  if (c.confidentiality.confidential) {
    conf.push({ kind: 'p', text: fill(t.confidentialityRequested, { citation: articles?.confidential ?? 'UNTOC art. 18(20); UNCAC art. 46(20)' }) });
  }
  if (c.confidentiality.note) conf.push(rows([[t.confidentialityNote, c.confidentiality.note]]));
  if (source.type !== 'extradition') conf.push({ kind: 'p', text: fill(t.useLimitation, { citation: articles?.use ?? 'UNTOC art. 18(19); UNCAC art. 46(19)' }) });
  if (c.useLimitations.speciality || source.type === 'extradition') {
    conf.push({ kind: 'p', text: fill(t.speciality, { citation: (basisInstrument && SPECIALITY[basisInstrument]) ?? 'ETS-024 art. 14' }) });
  }
  if (c.useLimitations.limits) conf.push(rows([[t.furtherLimits, c.useLimitations.limits]]));
  sections.push({ heading: t.section.confidentiality, blocks: conf });

  sections.push({
    heading: t.section.attachments,
    blocks:
      source.attachments.length === 0
        ? [{ kind: 'p', text: t.attachment.none }]
        : source.attachments.flatMap((a, i): Block[] => [
            { kind: 'h3', text: `${i + 1}. ${a.filename}` },
            { kind: 'rows', rows: [{ label: t.attachment.size, value: String(a.size) }, { label: 'SHA-256', value: a.sha256 }] },
          ]),
  });

  const meta: Letter['meta'] = [
    { label: t.meta.reference, value: source.reference },
    ...(source.counterpartReference ? [{ label: t.meta.counterpartReference, value: source.counterpartReference }] : []),
    ...(c.caseReference ? [{ label: t.meta.caseReference, value: c.caseReference }] : []),
    { label: t.meta.date, value: isoDay(source.date) },
    { label: t.meta.from, value: source.requesting.name },
    { label: t.meta.requestingState, value: `${requestingState} (${source.requesting.state})` },
    { label: t.meta.to, value: toName },
    { label: t.meta.requestedState, value: `${requestedState} (${source.requested.state})` },
    ...(source.approvedAt ? [{ label: t.approvedOn, value: isoDay(source.approvedAt) }] : []),
    ...(source.transmittedAt ? [{ label: t.transmittedOn, value: isoDay(source.transmittedAt) }] : []),
  ];
  const addressee = [
    t.addressee.label,
    source.requested.name?.trim() || t.addressee.competentAuthority,
    ...lines(source.requested.address),
    `${requestedState} (${source.requested.state})`,
  ];
  // The signatory: the approver's profile. Without a profile (a letter printed on the requested
  // side, or an approver who has left), the requesting authority alone: never an e-mail address.
  const signatory = source.approvedAt
    ? source.signatory
      ? [source.signatory.name, ...(source.signatory.title ? [source.signatory.title] : []), source.requesting.name, ...lines(source.signatory.block)]
      : [source.requesting.name]
    : null;
  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    marking: `TLP:${c.marking}`,
    addressee: dedupe(addressee),
    title: t.typeTitle[source.type],
    meta,
    intro: fill(t.intro, { from: source.requesting.name, requestingState, to: toName, requestedState }),
    sections,
    closing: [t.thanks, t.closing],
    signatory: signatory && dedupe(signatory),
    signatureLine: source.approvedAt ? labelled(lang, t.signature, '______________________') : t.unsigned,
    footer: fill(t.footer, { reference: source.reference }),
  };
}

function lines(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A signature block that repeats the authority's name prints it once. */
function dedupe(xs: string[]): string[] {
  return xs.filter((x, i) => xs.findIndex((y) => y.toLowerCase() === x.toLowerCase()) === i);
}

function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => ({ kind: 'p' as const, text: s, user: true }));
}
