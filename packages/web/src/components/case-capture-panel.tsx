// The web-capture entry of a case page: the same capture form as a request's, owned by the case.
import { useT } from '../i18n/use-t.tsx';
import { Link } from '../router.tsx';

export function CaseCapturePanel({ caseId }: { caseId: string }) {
  const { t } = useT();
  return (
    <section className="panel" aria-labelledby="case-capture-title">
      <h2 id="case-capture-title">{t('capture.panelTitle')}</h2>
      <p className="hint">{t('capture.casePanelHint')}</p>
      <Link className="button" to={`/evidence/capture?caseId=${encodeURIComponent(caseId)}`}>
        {t('capture.panelLink')}
      </Link>
    </section>
  );
}
