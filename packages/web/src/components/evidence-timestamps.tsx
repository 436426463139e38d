// An evidence item's RFC 3161 time-stamps: per authority its status (pending with the next attempt,
// granted with the authority's time and serial, failed with the reason), and whether the token
// verifies now against the item's SHA-256 and the node's trusted roots.
import type { components } from '@comity/contract/generated/openapi';
import { client, unwrap } from '../api.ts';
import { useT } from '../i18n/use-t.tsx';
import { useAsync } from '../use-async.ts';
import { ErrorAlert, formatDate, Loading } from './ui.tsx';

type Timestamp = components['schemas']['EvidenceTimestamp'];

export const timestampsApi = {
  list: (itemId: string) => unwrap(client.GET('/api/v1/evidence/{id}/timestamps', { params: { path: { id: itemId } } })),
};

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function EvidenceTimestamps({ itemId }: { itemId: string }) {
  const { t, ts, has, lng } = useT();
  const state = useAsync(() => timestampsApi.list(itemId), [itemId]);
  const reasonText = (reason: string | null | undefined): string => (!reason ? '' : has(`timestamps.reason.${reason}`) ? ts(`timestamps.reason.${reason}`) : reason);
  const list = state.data;
  return (
    <section className="panel" aria-labelledby="timestamps-title">
      <h2 id="timestamps-title">
        {t('timestamps.title')}{' '}
        {list ? <span className={`badge timestamp-${list.summary}`}>{t(`timestamps.summary.${list.summary}`)}</span> : null}
      </h2>
      <p className="muted">{t('timestamps.intro')}</p>
      {state.loading && !list ? <Loading /> : null}
      <ErrorAlert error={state.error} />
      {list && list.timestamps.length === 0 ? <p className="muted">{t('timestamps.none')}</p> : null}
      {list && list.timestamps.length > 0 ? (
        <div className="table-scroll">
          <table className="timestamps">
            <thead>
              <tr>
                <th scope="col">{t('timestamps.tsa')}</th>
                <th scope="col">{t('timestamps.time')}</th>
                <th scope="col">{t('timestamps.status')}</th>
                <th scope="col">{t('timestamps.verified')}</th>
              </tr>
            </thead>
            <tbody>
              {list.timestamps.map((x: Timestamp) => (
                <tr key={x.id}>
                  <td data-label={t('timestamps.tsa')}>
                    <bdi dir="ltr" title={x.tsaUrl}>
                      {hostOf(x.tsaUrl)}
                    </bdi>
                    {x.signer ? (
                      <>
                        <br />
                        <span className="muted">
                          <bdi dir="ltr">{x.signer}</bdi>
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td data-label={t('timestamps.time')}>
                    {x.genTime ? <time dateTime={x.genTime}>{formatDate(x.genTime, lng, true)}</time> : '—'}
                    {x.serial ? (
                      <>
                        <br />
                        <span className="muted">{t('timestamps.serial', { serial: x.serial })}</span>
                      </>
                    ) : null}
                  </td>
                  <td data-label={t('timestamps.status')}>
                    <span className={`badge timestamp-${x.status}`}>{t(`timestamps.state.${x.status}`)}</span>
                    {x.status === 'pending' && x.nextAttemptAt ? (
                      <>
                        <br />
                        <span className="muted">{t('timestamps.nextAttempt', { attempts: x.attempts, when: formatDate(x.nextAttemptAt, lng, true) })}</span>
                      </>
                    ) : null}
                    {x.status !== 'granted' && x.errorReason ? (
                      <>
                        <br />
                        <span className="muted">{reasonText(x.errorReason)}</span>
                      </>
                    ) : null}
                  </td>
                  <td data-label={t('timestamps.verified')}>
                    {x.verified === null ? '—' : x.verified.ok ? <span className="badge timestamp-verified">{t('timestamps.verifiedOk')}</span> : <span className="badge timestamp-failed">{t('timestamps.verifiedNo', { reason: reasonText(x.verified.reason) })}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
