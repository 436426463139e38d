// A letter is signable as printed, in each of the six languages: the PDF (real Chromium, text
// extracted with pdftotext) and the DOCX (word/*.xml unzipped) carry the treaty title in the
// letter's language with its article, the addressee block, the signatory's name and title (never
// an e-mail), the customary closing formula, and the marking exactly once in each page's header
// and once in its footer.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildKnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import { exampleRequest } from '@comity/core/requests/examples';
import { loadShippedKnowledge } from '../../knowledge/shipped-data.ts';
import { letterLookups } from '../request-service.ts';
import { buildLetter, type LetterLookups, type LetterSource } from './letter.ts';
import { LETTER_LANGUAGES, type LetterLanguage } from './letter-text.ts';
import { renderLetterDocx } from './render-docx.ts';
import { renderLetterHtml } from './render-html.ts';
import { chromiumPdfRenderer, type PdfRenderer } from './render-pdf.ts';

const CHROMIUM = process.env.COMITY_CHROMIUM_PATH ?? '/usr/bin/chromium';

function unavailable(): string | null {
  for (const [cmd, args] of [
    ['pdftotext', ['-v']],
    ['unzip', ['-v']],
    [CHROMIUM, ['--version']],
  ] as const) {
    try {
      execFileSync(cmd, args, { stdio: 'ignore' });
    } catch {
      return `${cmd} is not installed (apt-get install chromium poppler-utils unzip)`;
    }
  }
  return null;
}

/** What the letter must say, per language: the wording a native speaker is asked to review (docs/letters/REVIEW.md). */
const EXPECTED: Record<LetterLanguage, { basis: string; addressee: string; closing: string; intro: string; signature: string }> = {
  en: {
    basis: 'This request is made under the United Nations Convention against Corruption, UNCAC art. 46.',
    addressee: 'To',
    closing: 'Yours faithfully,',
    intro: 'The requesting authority, Parquet national financier (France), submits the following request to the requested authority, Bundesamt für Justiz (Germany).',
    signature: 'Signature and seal:',
  },
  fr: {
    basis: 'La présente demande est fondée sur la Convention des Nations Unies contre la corruption, UNCAC art. 46.',
    addressee: 'Destinataire',
    closing: 'Je vous prie d’agréer, Madame, Monsieur, l’expression de ma haute considération.',
    intro: 'L’autorité requérante, Parquet national financier (France), adresse la présente demande à l’autorité requise, Bundesamt für Justiz (Allemagne).',
    signature: 'Signature et sceau\u00a0:',
  },
  es: {
    basis: 'La presente solicitud se basa en la Convención de las Naciones Unidas contra la Corrupción, UNCAC art. 46.',
    addressee: 'Destinatario',
    closing: 'Aprovecho la ocasión para reiterarle las seguridades de mi más alta consideración.',
    intro: 'La autoridad requirente, Parquet national financier (Francia), dirige la presente solicitud a la autoridad requerida, Bundesamt für Justiz (Alemania).',
    signature: 'Firma y sello:',
  },
  ar: {
    // The citation (Latin script) is checked apart: pdftotext orders mixed right-to-left lines visually.
    basis: 'يُقدَّم هذا الطلب بموجب اتفاقية الأمم المتحدة لمكافحة الفساد',
    addressee: 'إلى',
    closing: 'وتفضلوا بقبول فائق الاحترام والتقدير.',
    intro: 'بهذا الطلب إلى السلطة المطلوب منها',
    signature: 'التوقيع والختم',
  },
  ru: {
    basis: 'Правовым основанием настоящей просьбы является Конвенция Организации Объединенных Наций против коррупции (UNCAC art. 46).',
    addressee: 'Кому',
    closing: 'С уважением,',
    intro: 'Запрашивающий орган (Parquet national financier, Франция) направляет запрашиваемому органу (Bundesamt für Justiz, Германия) настоящую просьбу.',
    signature: 'Подпись и печать:',
  },
  zh: {
    basis: '本请求依据《联合国反腐败公约》（UNCAC art. 46）提出。',
    addressee: '致',
    closing: '顺致崇高的敬意。',
    intro: '请求机关Parquet national financier（法国）向被请求机关Bundesamt für Justiz（德国）提出本请求。',
    signature: '签名和盖章：',
  },
};

/**
 * Text compared as a reader sees it: bidi controls and Arabic vowel marks dropped (pdftotext
 * places them differently), compatibility forms folded (Arabic presentation forms, full-width
 * punctuation), and no whitespace at all (lines wrap differently in each format).
 */
function norm(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/\s+/g, '');
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

const SIGNATORY = { name: 'Paul Durand', title: 'Procureur de la République financier', block: 'Parquet national financier\nPôle international\n75017 Paris' };
const EMAIL = 'paul.durand@justice.gouv.fr';

function source(): LetterSource {
  const content = exampleRequest('mla', 'DEU', null);
  content.legalBasis = { kind: 'treaty', instrument: 'UNCAC', articles: ['46'], citation: 'UNCAC art. 46' };
  content.marking = 'AMBER';
  return {
    type: 'mla',
    reference: 'OUT-2025-00007',
    requesting: { name: 'Parquet national financier', state: 'FRA' },
    requested: { name: 'Bundesamt für Justiz', state: 'DEU', address: 'Adenauerallee 99\u2013103\n53113 Bonn' },
    content,
    approvedBy: EMAIL,
    signatory: SIGNATORY,
    approvedAt: new Date('2025-03-02T10:00:00Z'),
    transmittedAt: null,
    attachments: [],
    date: new Date('2025-03-03T10:00:00Z'),
  };
}

const skip = unavailable();
describe('letters ready for signature', { skip: skip ?? false }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'comity-signable-'));
  let pdf: PdfRenderer;
  let lookups: LetterLookups;
  before(async () => {
    pdf = chromiumPdfRenderer(CHROMIUM);
    const snapshot = await loadShippedKnowledge();
    const index = buildKnowledgeIndex(snapshot);
    const knowledge = { index: async () => index, reference: { countries: snapshot.countries, offences: [], cooperationTypes: [] } };
    lookups = await letterLookups({ knowledge: knowledge as unknown as Parameters<typeof letterLookups>[0]['knowledge'] });
  });
  after(async () => {
    await pdf.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pdfPages = (bytes: Buffer, name: string): string[] => {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, bytes);
    const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    return out.stdout.split('\f').filter((p) => p.trim() !== '');
  };
  const docxParts = (bytes: Buffer, name: string): Map<string, string> => {
    const file = join(dir, `${name}.docx`);
    writeFileSync(file, bytes);
    const list = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' });
    assert.equal(list.status, 0, list.stderr);
    const parts = new Map<string, string>();
    for (const part of list.stdout.split('\n').filter((p) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(p))) {
      const xml = spawnSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      // The text a reader sees: the runs' <w:t> contents, a paragraph per line.
      parts.set(
        part,
        xml.stdout
          .split('</w:p>')
          .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
          .join('\n')
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'"),
      );
    }
    return parts;
  };

  for (const lang of LETTER_LANGUAGES) {
    test(`${lang}: the PDF and the DOCX say what a signable letter says, with the marking once in the header and once in the footer`, async () => {
      const letter = buildLetter(source(), lang, lookups);
      const want = EXPECTED[lang];
      const germany = lookups.stateName('DEU', lang);
      const fixed = [want.basis, want.addressee, want.closing, want.intro, want.signature, 'Bundesamt für Justiz', 'Adenauerallee 99\u2013103', '53113 Bonn', germany, SIGNATORY.name, SIGNATORY.title, 'Pôle international'];

      const pages = pdfPages(await pdf.render(renderLetterHtml(letter), { marking: letter.marking }), lang);
      const text = norm(pages.join('\n'));
      for (const s of fixed) assert.ok(text.includes(norm(s)), `${lang} PDF lacks: ${s}`);
      if (lang === 'ar') assert.ok(text.includes(norm('UNCAC art. 46')), 'the citation');
      assert.ok(!text.includes(EMAIL), 'no e-mail address as signature');
      assert.ok(pages.length >= 2, 'a letter of several pages');
      pages.forEach((page, i) => {
        assert.equal(count(page, 'TLP:AMBER'), 2, `${lang} page ${i + 1}: TLP:AMBER once in the header and once in the footer`);
        const lines = page
          .split('\n')
          .map((l) => norm(l))
          .filter(Boolean);
        assert.ok(lines.slice(0, 2).includes('TLP:AMBER'), `${lang} page ${i + 1}: the header carries the marking`);
        assert.ok(lines.slice(-3).includes('TLP:AMBER'), `${lang} page ${i + 1}: the footer carries the marking`);
        assert.ok(lines.slice(-3).includes(`${i + 1}/${pages.length}`), `${lang} page ${i + 1}: the footer carries the page number`);
      });
      // The closing comes after the last section and the signatory after the closing.
      assert.ok(text.indexOf(norm(want.closing)) > text.indexOf(norm(want.basis)), 'closing after the body');
      assert.ok(text.lastIndexOf(norm(SIGNATORY.title)) > text.indexOf(norm(want.closing)), 'signatory after the closing');

      const parts = docxParts(await renderLetterDocx(letter), lang);
      const body = parts.get('word/document.xml') ?? '';
      const docText = norm(body);
      for (const s of fixed) assert.ok(docText.includes(norm(s)), `${lang} DOCX lacks: ${s}`);
      assert.ok(docText.includes(norm('UNCAC art. 46')), 'the citation');
      assert.ok(!docText.includes(EMAIL));
      assert.equal(count(body, 'TLP:AMBER'), 0, 'no marking in the body: the header and footer carry it');
      const headers = [...parts].filter(([k]) => k.startsWith('word/header'));
      const footers = [...parts].filter(([k]) => k.startsWith('word/footer'));
      assert.ok(headers.length >= 1 && footers.length >= 1, 'a header and a footer');
      for (const [name, xml] of [...headers, ...footers]) assert.equal(count(xml, 'TLP:AMBER'), 1, `${lang} ${name}: the marking once`);
    });
  }

  test('a draft is not signable: it says so where the signature would be, and names no signatory', async () => {
    const s = { ...source(), approvedAt: null, signatory: null, approvedBy: null };
    for (const lang of ['fr', 'en'] as const) {
      const letter = buildLetter(s, lang, lookups);
      assert.equal(letter.signatory, null);
      const text = norm((await renderLetterDocx(letter)).length ? docxParts(await renderLetterDocx(letter), `draft-${lang}`).get('word/document.xml') ?? '' : '');
      assert.ok(text.includes(norm(lang === 'fr' ? 'Projet — non encore approuvé' : 'Draft — not yet approved')), lang);
      assert.ok(!text.includes(norm(SIGNATORY.name)));
    }
  });

  test('an approver without a profile: the requesting authority signs, never an e-mail address', () => {
    const letter = buildLetter({ ...source(), signatory: null }, 'fr', lookups);
    assert.deepEqual(letter.signatory, ['Parquet national financier']);
    assert.ok(!JSON.stringify(letter).includes(EMAIL));
  });
});
