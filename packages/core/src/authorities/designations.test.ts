import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { designationArticle, extractDesignation } from './designations.ts';

// Wordings as the depositary prints them (UNTC MTDSG notifications under the Smuggling of Migrants
// Protocol art. 8(6) and the Nuclear Terrorism Convention art. 7(4), and a UNTOC-style sentence).
describe('extractDesignation', () => {
  it('reads the name where the wording names one authority plainly', () => {
    const cases: [string, string, string | null][] = [
      [
        'Pursuant to Article 8 (6) of the Protocol, Sweden designates the Ministry of Justice, as central authority to receive and respond to requests for assistance referred to in this article.',
        'Ministry of Justice',
        'art. 8(6)',
      ],
      [
        'In accordance with paragraph 6 of article 8 of the Protocol, the Ministry of Transportation and Communication is designated as a central authority responsible for receiving the requests.',
        'Ministry of Transportation and Communication',
        'art. 8(6)',
      ],
      [
        'In accordance with Article 8 paragraph 6 of the Protocol, the Romanian central authority designated to receive the requests for assistance is the Ministry of Public Works, Transports and Housing (Blvd. Dinicu Golescu nr. 38, Bucuresti).',
        'Ministry of Public Works, Transports and Housing',
        'art. 8(6)',
      ],
      ['The Ministry of Justice of the State of Kuwait is the central authority in respect of article 7, paragraph 4 of the Convention', 'Ministry of Justice of the State of Kuwait', 'art. 7(4)'],
      ['Pursuant to article 46, paragraph 13, the central authority is the Office of the Attorney General.', 'Office of the Attorney General', 'art. 46(13)'],
    ];
    for (const [text, name, article] of cases) assert.deepEqual(extractDesignation(text), { name, article }, text);
  });

  it('takes the name from the paragraph after "… is:" and not the address that follows', () => {
    const text = 'The central authority of the Kingdom of the Netherlands, for the Kingdom in Europe is:\nMinistry of Justice\nDepartment of International Legal Assistance\nP.O. Box 20301';
    assert.deepEqual(extractDesignation(text), { name: 'Ministry of Justice', article: null });
  });

  it('gives no name when the phrase names several authorities, an address, or nothing plain', () => {
    for (const text of [
      'In accordance with article 8, paragraph 6 of the Protocol, Guatemala has designated the judiciary and the Public Prosecutor\u2019s Office as the central authorities for the receipt of requests.',
      'The central authority is: \nMinistry of Justice, 12 Main Street, 1000 Capital',
      'Requests shall be sent through the central authorities referred to above.',
      'The Government reserves the right to designate its central authority at a later date.',
    ]) {
      assert.equal(extractDesignation(text).name, null, text);
    }
  });

  it('gives the article only when the text states article and paragraph', () => {
    assert.equal(designationArticle('under articles 16 and 17 of the Convention and Article 8 of the Protocol'), null);
    assert.equal(designationArticle('pursuant to art. 18(13) of the Convention'), 'art. 18(13)');
    assert.equal(designationArticle('article 46, paragraph 13'), 'art. 46(13)');
  });
});
