// Recognises the effect of a reservation or declaration from its text, where the wording is
// recognisable. What is not recognised stays 'other' and is shown as text for a human to read.
import { extractDesignation } from '../authorities/designations.ts';
import type { ReservationEffect } from './model.ts';

const LANGUAGE_NAMES = [
  'English',
  'French',
  'Spanish',
  'Russian',
  'Arabic',
  'Chinese',
  'Portuguese',
  'German',
  'Italian',
  'Dutch',
  'Turkish',
  'Greek',
  'Polish',
  'Czech',
  'Hungarian',
  'Romanian',
  'Swedish',
  'Danish',
  'Finnish',
  'Norwegian',
  'Japanese',
  'Korean',
  'Vietnamese',
  'Indonesian',
  'Thai',
  'Persian',
  'Hebrew',
  'Ukrainian',
  'Serbian',
  'Croatian',
  'Bulgarian',
  'Slovak',
  'Slovenian',
  'Lithuanian',
  'Latvian',
  'Estonian',
  'Albanian',
  'Armenian',
  'Georgian',
  'Azerbaijani',
  'Mongolian',
  'Malay',
] as const;

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function centralAuthorityName(text: string): string {
  // A plainly named authority first (see authorities/designations.ts); else the older, looser reading.
  const named = extractDesignation(text).name;
  if (named) return named;
  const flat = normalise(text);
  const patterns = [
    /designat\w*,?\s+(?:as\s+(?:its|the)\s+central\s+authorit(?:y|ies)[^:]*?[:,]?\s*)(?:the\s+)?([^.;]+)/i,
    /designat\w*\s+(?:the\s+)?([^.;]+?)\s+as\s+(?:its|the)\s+central\s+authorit/i,
    /central\s+authorit(?:y|ies)\s+(?:[^.;:]{0,80}?\s)?(?:is|are|shall\s+be|will\s+be)\s*:?\s*(?:the\s+)?([^.;]+)/i,
    /central\s+authorit(?:y|ies)[^:]{0,120}:\s*(?:the\s+)?([^.;]+)/i,
  ];
  for (const re of patterns) {
    const m = re.exec(flat);
    if (m?.[1]) return m[1].trim().replace(/[,:]$/, '');
  }
  const sentence = flat.split(/(?<=[.;])\s/).find((s) => /central\s+authorit/i.test(s));
  return (sentence ?? flat).slice(0, 300);
}

/** Recognise the structured effects in one reservation/declaration text. */
export function recogniseEffects(text: string): ReservationEffect[] {
  const flat = normalise(text);
  const lower = flat.toLowerCase();
  const effects: ReservationEffect[] = [];

  const legalBasis = /legal basis for (?:co-?operation (?:on|in) )?extradition/;
  if (legalBasis.test(lower) || /article 16,? paragraph 5|article 44,? paragraph 6|16 ?\(5\)|44 ?\(6\)/.test(lower)) {
    const negated =
      /(?:does|do|will|shall) not (?:take|consider|regard|use|accept)[^.]{0,120}legal basis/.test(lower) ||
      /not (?:be )?(?:take|taken|considered|regarded|used) as (?:the|a) legal basis/.test(lower) ||
      /(?:will|shall) not apply[^.]{0,80}(?:legal basis|extradition)/.test(lower);
    const affirmed =
      /(?:takes?|shall take|will take|considers?|regards?|accepts?|uses?|will use|shall use)\s+(?:this|the)\s+(?:convention|protocol)[^.]{0,40}as (?:the|a|its) legal basis/.test(
        lower,
      ) || /(?:convention|protocol) (?:is|shall be|will be) (?:considered |regarded |used )?(?:as )?the legal basis/.test(lower);
    if (negated) effects.push({ kind: 'no-treaty-basis-for-extradition' });
    else if (affirmed) effects.push({ kind: 'treaty-basis-for-extradition' });
  }

  if (/central authorit/.test(lower)) {
    effects.push({ kind: 'central-authority', name: centralAuthorityName(text) });
  }

  if (/language/.test(lower) && /(?:acceptable|accepted|accept|translat|article 18,? paragraph 14|article 46,? paragraph 14|18 ?\(14\)|46 ?\(14\))/.test(lower)) {
    const languages = LANGUAGE_NAMES.filter((l) => new RegExp(`\\b${l}\\b`).test(flat));
    if (languages.length > 0) effects.push({ kind: 'languages', languages: [...languages] });
  }

  if (
    /(?:shall not|does not|will not|not to) (?:apply|extend)[^.]{0,40}\bto\b[^.]{0,120}(?:territor|island|greenland|faroe|tokelau|aruba|cura[cç]ao|sint maarten|hong kong|macao|niue|cook islands)/.test(
      lower,
    ) || /territorial (?:exclusion|application)[^.]{0,80}(?:not|exclud)/.test(lower)
  ) {
    effects.push({ kind: 'territorial-exclusion' });
  }

  if (
    /(?:not (?:to )?(?:consider itself |be )?bound by|reservation (?:to|with regard to|in respect of))[^.]{0,160}(?:arbitration|international court of justice|settlement of disputes|paragraph 2 of article (?:35|66|20|24|15|22|23|32|47|54|17)|article (?:35|66|20|24|15|22|23|32|47|54|17),? paragraph 2)/.test(
      lower,
    ) || /(?:does not consider itself bound)[^.]{0,200}(?:dispute)/.test(lower)
  ) {
    effects.push({ kind: 'dispute-settlement', relevantToCooperation: false });
  }

  if (effects.length === 0) effects.push({ kind: 'other' });
  return effects;
}

/** A short label for one effect, used in answers and the CLI table. */
/** The data of an effect that its kind does not say: the central authority's name, the languages.
 * A client words the kind itself (`effect.<kind>`) and shows these as they are. */
export function effectParams(effect: ReservationEffect): Record<string, string> {
  if (effect.kind === 'central-authority') return { name: effect.name };
  if (effect.kind === 'languages') return { languages: effect.languages.join(', ') };
  return {};
}

export function describeEffect(effect: ReservationEffect): string {
  switch (effect.kind) {
    case 'no-treaty-basis-for-extradition':
      return 'does not take the instrument as the legal basis for extradition';
    case 'treaty-basis-for-extradition':
      return 'takes the instrument as the legal basis for extradition';
    case 'central-authority':
      return `central authority: ${effect.name}`;
    case 'languages':
      return `accepted languages: ${effect.languages.join(', ')}`;
    case 'territorial-exclusion':
      return 'excludes part of its territory';
    case 'dispute-settlement':
      return 'reservation on dispute settlement (no effect on cooperation)';
    case 'other':
      return 'other reservation or declaration';
    default: {
      const never: never = effect;
      return never;
    }
  }
}

/** FNV-1a over the text's UTF-16 code units: a short, stable fingerprint (not a security hash). */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A reservation's identity across imports: the same State, instrument and text give the same id,
 * so a curator's correction of its effect finds it again after a re-import. */
export function reservationId(r: { instrument: string; state: string; text: string }): string {
  return `${r.instrument}:${r.state}:${fingerprint(r.text.replace(/\s+/g, ' ').trim())}`;
}
