// The time-stamps of one evidence item (/evidence/items/:id/timestamps): the same panel the item
// view shows, on a page of its own that a custody event or a court report can link to.
import { EvidenceTimestamps } from '../components/evidence-timestamps.tsx';
import { useT } from '../i18n/use-t.tsx';
import { Link } from '../router.tsx';

export function EvidenceTimestampsPage({ itemId }: { itemId: string }) {
  const { t } = useT();
  return (
    <>
      <p>
        <Link to={`/evidence/items/${encodeURIComponent(itemId)}`}>{t('timestamps.backToItem')}</Link>
      </p>
      <h1>{t('timestamps.pageTitle')}</h1>
      <EvidenceTimestamps itemId={itemId} />
    </>
  );
}
