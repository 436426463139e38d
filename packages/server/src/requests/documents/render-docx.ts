// The letter as a Word document (docx package): the same model as the PDF, with right-to-left
// paragraphs and tables for Arabic and East Asian fonts for Chinese. Needs no browser.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, Letter } from './letter.ts';
import { tlpColour } from './render-html.ts';

const FONT: Record<Letter['lang'], { ascii: string; hAnsi: string; cs: string; eastAsia: string }> = {
  en: { ascii: 'Noto Serif', hAnsi: 'Noto Serif', cs: 'Noto Serif', eastAsia: 'Noto Serif CJK SC' },
  fr: { ascii: 'Noto Serif', hAnsi: 'Noto Serif', cs: 'Noto Serif', eastAsia: 'Noto Serif CJK SC' },
  es: { ascii: 'Noto Serif', hAnsi: 'Noto Serif', cs: 'Noto Serif', eastAsia: 'Noto Serif CJK SC' },
  ru: { ascii: 'Noto Serif', hAnsi: 'Noto Serif', cs: 'Noto Serif', eastAsia: 'Noto Serif CJK SC' },
  ar: { ascii: 'Noto Serif', hAnsi: 'Noto Serif', cs: 'Noto Naskh Arabic', eastAsia: 'Noto Serif CJK SC' },
  zh: { ascii: 'Noto Serif', hAnsi: 'Noto Serif', cs: 'Noto Serif', eastAsia: 'Noto Serif CJK SC' },
};

export async function renderLetterDocx(letter: Letter): Promise<Buffer> {
  const rtl = letter.dir === 'rtl';
  const font = FONT[letter.lang];
  const run = (text: string, opts: { bold?: boolean; size?: number; color?: string; shade?: boolean } = {}) =>
    new TextRun({
      text,
      font,
      rightToLeft: rtl,
      ...(opts.bold ? { bold: true, boldComplexScript: true } : {}),
      ...(opts.size ? { size: opts.size } : {}),
      ...(opts.color ? { color: opts.color } : {}),
      ...(opts.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: '000000' } } : {}),
    });
  const para = (text: string, opts: { bold?: boolean; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
    new Paragraph({
      bidirectional: rtl,
      ...(opts.heading ? { heading: opts.heading } : {}),
      ...(opts.align ? { alignment: opts.align } : {}),
      spacing: { after: 80 },
      children: text.split('\n').map((line, i) => (i === 0 ? run(line, { bold: opts.bold ?? false }) : new TextRun({ text: line, break: 1, font, rightToLeft: rtl }))),
    });
  const marking = () =>
    new Paragraph({
      bidirectional: rtl,
      alignment: AlignmentType.CENTER,
      children: [run(letter.marking, { bold: true, color: tlpColour(letter.marking).slice(1), shade: true })],
    });
  const border = { style: BorderStyle.SINGLE, size: 2, color: 'BBBBBB' };
  const table = (rows: { label: string; value: string }[]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: rtl,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: [
              new TableCell({ width: { size: 34, type: WidthType.PERCENTAGE }, shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F3F3' }, children: [para(r.label, { bold: true })] }),
              new TableCell({ width: { size: 66, type: WidthType.PERCENTAGE }, children: [para(r.value)] }),
            ],
          }),
      ),
    });
  const blocks = (b: Block): (Paragraph | Table)[] => {
    switch (b.kind) {
      case 'p':
        return b.text.split(/\n/).length > 0 ? [para(b.text)] : [];
      case 'h3':
        return [para(b.text, { heading: HeadingLevel.HEADING_3 })];
      case 'rows':
        return b.rows.length ? [table(b.rows), para('')] : [];
      default: {
        const never: never = b;
        return never;
      }
    }
  };

  const children: (Paragraph | Table)[] = [
    para(letter.title, { heading: HeadingLevel.TITLE, align: AlignmentType.CENTER }),
    table(letter.meta),
    para(''),
    para(letter.intro),
  ];
  letter.sections.forEach((s, i) => {
    children.push(para(`${i + 1}. ${s.heading}`, { heading: HeadingLevel.HEADING_2 }));
    for (const b of s.blocks) children.push(...blocks(b));
  });
  children.push(para(''), para(letter.footer));

  const doc = new Document({
    creator: 'Comity',
    title: letter.title,
    description: letter.footer,
    styles: { default: { document: { run: { font, size: 21, rightToLeft: rtl } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1247, bottom: 1134, left: 1020, right: 1020 } } },
        headers: { default: new Header({ children: [marking()] }) },
        footers: { default: new Footer({ children: [marking()] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
