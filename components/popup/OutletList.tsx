import type { CoveringArticle } from './derive';
import { itemKey } from './search';
import { formatDate, plural } from './labels';
import { SourceText } from '@/components/shared/SourceText';

/** The other outlets covering the story, with what each shares with and adds to this article. */
export function OutletList({ articles, visible }: { articles: readonly CoveringArticle[]; visible: Set<string> | null }) {
  const shown = visible ? articles.filter((a) => visible.has(itemKey.outlet(a.articleId))) : articles;
  if (!shown.length) return <p class="empty">No outlet matches your search.</p>;
  return (
    <ul class="outlets">
      {shown.map((a) => (
        <li key={a.articleId} class="outlet" data-testid="outlet">
          <div class="outlet-name">
            <strong><SourceText text={a.outlet} /></strong>
            {a.published && <span class="muted">{formatDate(a.published)}</span>}
          </div>
          {a.title &&
            (a.url ? (
              <a class="outlet-title" href={a.url} target="_blank" rel="noopener noreferrer">
                <SourceText text={a.title} />
              </a>
            ) : (
              <span class="outlet-title"><SourceText text={a.title} /></span>
            ))}
          {!a.title && a.url && (
            <a class="outlet-title" href={a.url} target="_blank" rel="noopener noreferrer">
              <SourceText text={a.url} />
            </a>
          )}
          <div class="outlet-stats">
            <span>Shares {plural(a.shared, 'fact')}</span>
            <span>Adds {plural(a.adds, 'fact')}</span>
            {a.conflicts > 0 && <span class="text-conflict">{plural(a.conflicts, 'conflict')}</span>}
          </div>
          {a.added.length > 0 && (
            <details class="outlet-adds">
              <summary>What <SourceText text={a.outlet} /> adds</summary>
              <ul>
                {a.added.map((t, i) => (
                  <li key={i}>
                    <SourceText text={t} />
                  </li>
                ))}
              </ul>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
