// The court package button of an item, a case or a request. It first asks the node what the
// package would hold (the release policy decides there; a refusal is shown with its reason), then
// lets the browser download the ZIP as the node streams it: a package of large videos never sits
// in the page's memory.
import { useState } from 'react';
import { type ResponseOf, client, unwrap } from '../api.ts';
import { useT } from '../i18n/use-t.tsx';
import { formatBytes } from './request-attachments.tsx';
import { PolicyAwareError } from './request-marking.tsx';

export type PackageContents = ResponseOf<'/api/v1/evidence/packages/{kind}/{id}/contents', 'get'>;

export function packageUrl(kind: 'item' | 'case' | 'request', id: string): string {
  return `/api/v1/evidence/packages/${kind}/${encodeURIComponent(id)}`;
}

export function EvidencePackageButton({ kind, id }: { kind: 'item' | 'case' | 'request'; id: string }) {
  const { t, lng } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [started, setStarted] = useState<PackageContents | null>(null);

  async function build() {
    setBusy(true);
    setError(undefined);
    setStarted(null);
    try {
      const contents = await unwrap(client.GET('/api/v1/evidence/packages/{kind}/{id}/contents', { params: { path: { kind, id } } }));
      const a = document.createElement('a');
      a.href = packageUrl(kind, id);
      a.download = '';
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setStarted(contents);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="evidence-package">
      <button type="button" className="secondary" onClick={build} disabled={busy} data-testid="evidence-package-button">
        {busy ? t('evidencePackage.preparing') : t('evidencePackage.build')}
      </button>
      <p className="hint">{t('evidencePackage.hint')}</p>
      {started ? (
        <p role="status" data-testid="evidence-package-started">
          {t('evidencePackage.started', { count: started.items.length, size: formatBytes(started.totalBytes, lng) })}
        </p>
      ) : null}
      {error ? <PolicyAwareError error={error} /> : null}
    </div>
  );
}

/** The button in its own panel, as the item, case and request pages show it. */
export function EvidencePackagePanel({ kind, id }: { kind: 'item' | 'case' | 'request'; id: string }) {
  const { t } = useT();
  const titleId = `evidence-package-title-${kind}`;
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('evidencePackage.title')}</h2>
      <EvidencePackageButton kind={kind} id={id} />
    </section>
  );
}
