import type { StoryHeader } from './derive';
import { formatDateRange, plural } from './labels';
import { SourceText } from '@/components/shared/SourceText';

export interface ArticleHeaderProps {
  header: StoryHeader;
  facts: number;
  conflicts: number;
  url?: string;
}

/** This article, and the story as the corpus covers it. */
export function ArticleHeader({ header, facts, conflicts, url }: ArticleHeaderProps) {
  const range = formatDateRange(header.firstPublished, header.lastPublished);
  return (
    <section class="article" aria-labelledby="article-title" data-testid="article-header">
      <p class="eyebrow">
        <SourceText text={header.outlet ?? (url ? new URL(url).hostname : 'This page')} />
        {header.selfId && <span class="muted"> · in your corpus</span>}
      </p>
      <h1 id="article-title"><SourceText text={header.title ?? 'This article'} /></h1>
      <p class="story-line">
        <span>
          Same story in <strong>{plural(header.outlets, 'other outlet')}</strong>
          {header.articles !== header.outlets && ` (${plural(header.articles, 'article')})`}
        </span>
        {range && <span>{range}</span>}
        <span>{plural(facts, 'shared fact')}</span>
        {conflicts > 0 && <span class="text-conflict">{plural(conflicts, 'conflict')}</span>}
      </p>
    </section>
  );
}
