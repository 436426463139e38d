// Texts the node produces (completeness reasons, notifications, problem details, citations) worded
// in the reader's language. The node sends a stable code with its parameters next to its English
// text; here the code picks a translation and the parameters that are ids (States, request types,
// offences, states and actions of a request, dates) are put in words too. A code without a
// translation shows the node's English text, marked lang="en" like any other fallback.
import { type ReactNode, useEffect, useState } from 'react';
import type { ApiError, CodedText, Country, UiLanguage } from '../api.ts';
import { formatDate } from '../format.ts';
import { fieldLabelParts } from '../field-labels.ts';
import { countryName, loadCountries } from '../knowledge.ts';
import { useT } from './use-t.tsx';

type Params = Record<string, string | number | null | undefined>;

let countriesCache: Country[] | null = null;

/** The States list once loaded (for State names in messages); codes stand in until then. */
function useCountryList(): Country[] | null {
  const [list, setList] = useState<Country[] | null>(countriesCache);
  useEffect(() => {
    if (countriesCache) return;
    let live = true;
    loadCountries().then(
      (items) => {
        countriesCache = items;
        if (live) setList(items);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return list;
}

export interface ServerText {
  /** A completeness item's reason (rule or consistency problem) in the reader's language. */
  reason: (item: { rule: string; reason: string; params?: Record<string, string | number> | undefined }) => ReactNode;
  /** A notification in the reader's language. */
  notification: (n: { code: string | null; params: Params | null; message: string }) => ReactNode;
  /** "UNCAC art. 46(13)" with the article abbreviation of the reader's language. */
  citation: (text: string) => string;
  /** The words for a field path ("measures[0].location" → "Measure 1 — Place …"). */
  field: (path: string) => string;
  /** A problem+json from the node, worded from its code; null when the code has no translation. */
  problem: (error: ApiError) => string | null;
  /** A legal-basis reason or condition to confirm (`legalBasisText.reason.*`, `.condition.*`). */
  basis: (item: CodedText, kind: 'reason' | 'condition') => ReactNode;
}

/** Parameters of the legal-basis texts that are dates, States and instrument ids. */
const BASIS_DATES = ['asOf', 'signed', 'consent', 'entryIntoForce', 'denunciation', 'adopted'];
const BASIS_STATES = ['first', 'second'];
const BASIS_IDS = ['instrument', 'parent', 'organisation'];

export function useServerText(): ServerText {
  const { ts, lng, has } = useT();
  const countries = useCountryList();

  const state = (code: string): string => {
    const country = countries?.find((c) => c.code === code);
    return country ? countryName(country, lng as UiLanguage) : code;
  };
  // "UNTOC art. 18(15)(d), 18(17); UNCAC art. 46(15)(d)": each part's articles in the reader's words.
  const citation = (text: string) =>
    text === 'Reciprocity (no treaty)'
      ? ts('requests.basis.reciprocity')
      : text
          .split('; ')
          .map((part) => {
            const m = /^(.*?)\bart\.\s?(.+)$/.exec(part);
            return m ? `${m[1]}${ts('finder.articleRef', { n: m[2] as string })}` : part;
          })
          .join('; ');

  /** Parameters that are ids become words; the rest (names, references, free text) stay as given. */
  const words = (params: Params | null | undefined): Record<string, string | number> => {
    const out: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(params ?? {})) {
      if (value === null || value === undefined) {
        out[key] = '';
        continue;
      }
      const v = String(value);
      if (['state', 'requesting', 'requested'].includes(key) && /^[A-Z]{3}$/.test(v)) out[key] = state(v);
      else if (key === 'type') out[key] = has(`requests.type.${v}`) ? ts(`requests.type.${v}`) : has(`type.${v}`) ? ts(`type.${v}`) : v;
      else if (key === 'offence') out[key] = has(`offence.${v}`) ? ts(`offence.${v}`) : v;
      else if (key === 'action') out[key] = has(`requests.action.${v}`) ? ts(`requests.action.${v}`) : v;
      else if (key === 'requestState') out[key] = has(`requests.state.${v}`) ? ts(`requests.state.${v}`) : v;
      else if (key === 'consentUse') out[key] = has(`policy.consentAction.${v}`) ? ts(`policy.consentAction.${v}`) : v;
      else if (key === 'consentAnswer') out[key] = has(`policy.consentState.${v}`) ? ts(`policy.consentState.${v}`) : v;
      else if (key === 'answer') out[key] = has(`authorities.answer.${v}`) ? ts(`authorities.answer.${v}`) : v;
      else if (key === 'date' || key === 'deadline') out[key] = formatDate(v, lng);
      else if (key === 'language') out[key] = languageWord(v, lng);
      else out[key] = typeof value === 'number' ? value : v;
    }
    return out;
  };

  const english = (text: string): ReactNode =>
    lng === 'en' ? (
      text
    ) : (
      <span lang="en" dir="ltr" className="fallback">
        {text}
      </span>
    );

  return {
    citation,
    field: (path) =>
      fieldLabelParts(path, has)
        .map((p) => ts(p.key, p.vars))
        .join(' — '),
    reason: (item) => {
      // Items the web makes itself ("local:…") are worded in the reader's language already.
      if (item.rule.startsWith('local:')) return item.reason;
      for (const key of [`requests.rule.${item.rule}`, `requests.problem.${item.rule}`]) {
        if (has(key)) return ts(key, words(item.params));
      }
      return english(item.reason);
    },
    notification: (n) => {
      const key = n.code ? `notifications.message.${n.code}` : null;
      if (!key || !has(key)) return english(n.message);
      const w = words(n.params);
      // "IN-2026-00003 (Bribery of officials)": the reference with the subject the drafter wrote.
      w.request = n.params?.subject ? `${n.params.reference ?? ''} (${n.params.subject})` : String(n.params?.reference ?? '');
      // Names, references and free text keep their own direction inside an Arabic sentence.
      for (const k of ['request', 'by', 'from', 'to', 'counterpart', 'conditions', 'proceedings', 'item']) if (typeof w[k] === 'string' && w[k]) w[k] = isolate(String(w[k]));
      const text = ts(key, w);
      return n.params?.reason ? `${text} ${ts('notifications.reason', { reason: isolate(String(n.params.reason)) })}` : text;
    },
    basis: (item, kind) => {
      const key = `legalBasisText.${kind}.${item.code}`;
      if (!item.code || !has(key)) return english(item.text);
      const w = words(item.params);
      for (const k of BASIS_DATES) if (typeof item.params[k] === 'string') w[k] = formatDate(String(item.params[k]), lng);
      for (const k of BASIS_STATES) if (typeof item.params[k] === 'string') w[k] = state(String(item.params[k]));
      for (const k of BASIS_IDS) if (typeof item.params[k] === 'string') w[k] = isolate(String(item.params[k]));
      for (const k of ['citation', 'rule']) if (typeof item.params[k] === 'string') w[k] = isolate(citation(String(item.params[k])));
      const kindOf = item.params.consentKind;
      if (typeof kindOf === 'string' && has(`consentKind.${kindOf}`)) {
        // "ratification déposée le …": a common noun inside a sentence (no capital in the Latin and Cyrillic scripts).
        const word = ts(`consentKind.${kindOf}`);
        w.consentKind = word.charAt(0).toLocaleLowerCase(lng) + word.slice(1);
      }
      const via = item.params.via;
      if (typeof via === 'string') {
        const wildcard = `legalBasisText.via.${via.replace(/^\*/, '')}`;
        w.via = via.startsWith('*') && has(wildcard) ? ts(wildcard) : has(`offence.${via}`) ? ts(`offence.${via}`) : via;
      }
      const text = ts(key, w);
      // A context instrument's notes are English data (the catalogue has no translation of them).
      const notes = item.params.notes;
      if (typeof notes !== 'string' || !notes) return text;
      return (
        <>
          {text}{' '}
          <bdi lang="en" dir="ltr">
            {notes}
          </bdi>
        </>
      );
    },
    problem: (error) => {
      if (!error.code || !has(`problem.${error.code}`)) return null;
      const params: Params = {};
      for (const [k, v] of Object.entries(error.problem)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
      return ts(`problem.${error.code}`, words(params));
    },
  };
}

/** Unicode first-strong isolate: the text's direction is its own, not the sentence's. */
function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

function languageWord(code: string, lng: string): string {
  try {
    return new Intl.DisplayNames([lng], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
