import { Fragment } from 'preact';
import type { Omission } from '@/lib/result';
import { itemKey } from './search';
import { outletName, plural } from './labels';
import { SourceText } from '@/components/shared/SourceText';

/** Facts other outlets report that this article leaves out, most widely reported first. */
export function OmissionList({ omissions, visible }: { omissions: readonly Omission[]; visible: Set<string> | null }) {
  const shown = omissions.map((o, i) => ({ o, key: itemKey.omission(i) })).filter(({ key }) => !visible || visible.has(key));
  if (!omissions.length) return <p class="empty">This article leaves out nothing that other outlets report.</p>;
  if (!shown.length) return <p class="empty">Nothing here matches your search.</p>;
  return (
    <ul class="sentences">
      {shown.map(({ o, key }) => {
        const outlets = [...new Set(o.reportedBy.map((r) => outletName(r.outlet)))];
        return (
          <li key={key} class="sentence" data-testid="omission">
            <q><SourceText text={o.text} /></q>
            <div class="sentence-meta">
              <span class="badge">{plural(o.outletCount || outlets.length, 'outlet')}</span>
              <span class="muted">
                Reported by{' '}
                {outlets.map((outlet, i) => (
                  <Fragment key={outlet}>
                    {i > 0 && ', '}
                    <SourceText text={outlet} />
                  </Fragment>
                ))}
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
