// Small labels shared by the request pages: the state, the TLP marking and overdue reasons.
import { useT } from '../i18n/use-t.tsx';
import type { RequestState, TlpMarking } from '../requests.ts';

export function StateBadge({ state }: { state: RequestState }) {
  const { t } = useT();
  return <span className={`badge state state-${state}`}>{t(`requests.state.${state}`)}</span>;
}

/** TLP 2.0 labels are written the same in every language ("TLP:AMBER"); the title explains them. */
export function MarkingBadge({ marking }: { marking: TlpMarking }) {
  const { ts } = useT();
  return (
    <span className={`badge tlp tlp-${marking.replace('+', '-').toLowerCase()}`} title={ts(`requests.tlpHint.${marking}`)}>
      TLP:{marking}
    </span>
  );
}

export function OverdueBadges({ overdue }: { overdue: readonly string[] }) {
  const { t } = useT();
  if (overdue.length === 0) return null;
  return (
    <>
      {overdue.map((o) => (
        <span key={o} className="badge badge-overdue">
          {t(`requests.overdue.${o}`)}
        </span>
      ))}
    </>
  );
}
