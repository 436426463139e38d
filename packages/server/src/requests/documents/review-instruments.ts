// The shipped treaty titles, as the review list needs them (titles per language, or null).
import { buildKnowledgeIndex } from '@comity/core/knowledge/knowledge-index';
import { loadShippedKnowledge } from '../../knowledge/shipped-data.ts';
import type { ReviewInstruments } from './review-list.ts';

export async function shippedReviewInstruments(): Promise<ReviewInstruments> {
  const index = buildKnowledgeIndex(await loadShippedKnowledge());
  return {
    ids: [...index.instruments.keys()].sort(),
    title: (id, lang) => index.instruments.get(id)?.titles[lang] ?? null,
  };
}
