import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AnalysisResult } from '@/lib/result';
import type { PageArticle } from '@/lib/messages';
import { ArticleHeader } from './ArticleHeader';
import { CoverageGrid } from './CoverageGrid';
import { CoverageSpectrum } from './CoverageSpectrum';
import { ExportMenu, type ExportFormat } from './ExportMenu';
import { FactList } from './FactList';
import { OmissionList } from './OmissionList';
import { OutletList } from './OutletList';
import { RelatedTimeline } from './RelatedTimeline';
import { SearchBox } from './SearchBox';
import { Tabs, type Tab } from './Tabs';
import { UniqueList } from './UniqueList';
import { coveringArticles, storyHeader } from './derive';
import { comparisonJson, comparisonMarkdown, exportFileName } from './export';
import { createSearcher, searchItems, type SearchKind } from './search';

export interface ResultViewProps {
  result: AnalysisResult;
  article?: PageArticle;
  onReveal: (sentenceIndex: number) => void;
  copy: (text: string) => Promise<void>;
  download: (text: string, fileName: string, mime: string) => void;
}

type TabId = 'facts' | 'omissions' | 'unique' | 'outlets' | 'related' | 'coverage';

export function ResultView({ result, article, onReveal, copy, download }: ResultViewProps) {
  const [query, setQuery] = useState('');
  const [tab, setTab] = useState<TabId>('facts');
  const header = useMemo(() => storyHeader(result, article), [result, article]);
  const covering = useMemo(() => coveringArticles(result), [result]);
  const searcher = useMemo(() => createSearcher(searchItems(result)), [result]);
  const visible = useMemo(() => searcher.search(query), [searcher, query]);
  // Time from opening the popup to a drawn comparison, for measurements (User Timing).
  useEffect(() => void performance.mark('parallax:result-shown'), []);
  // "/" jumps to the search box, as on most sites with a search.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || target?.closest('input, textarea, select')) return;
      e.preventDefault();
      document.getElementById('popup-search')?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const count = (kind: SearchKind, all: number) => (visible ? [...visible].filter((k) => k.startsWith(`${kind}-`)).length : all);
  const tabs: Tab[] = [
    { id: 'facts', label: 'Shared facts', count: count('fact', result.facts.length) },
    { id: 'omissions', label: 'Left out here', count: count('omission', result.omissions.length) },
    { id: 'unique', label: 'Only here', count: count('unique', result.unique.length) },
    { id: 'outlets', label: 'Outlets', count: count('outlet', covering.length) },
    { id: 'related', label: 'Timeline', count: count('related', result.related.length) },
    { id: 'coverage', label: 'Coverage grid' },
  ];
  const formats: ExportFormat[] = [
    { id: 'md', name: 'Markdown', fileName: exportFileName(header.title, 'md'), mime: 'text/markdown', build: () => comparisonMarkdown(result, article) },
    { id: 'json', name: 'JSON', fileName: exportFileName(header.title, 'json'), mime: 'application/json', build: () => comparisonJson(result, article) },
  ];

  return (
    <div class="result" data-testid="result">
      <ArticleHeader header={header} facts={result.facts.length} conflicts={result.conflicts.length} url={article?.url} />
      <CoverageSpectrum covering={covering} />
      <div class="toolbar">
        <SearchBox value={query} onInput={setQuery} />
        <ExportMenu formats={formats} copy={copy} download={download} />
      </div>
      <Tabs tabs={tabs} selected={tab} onSelect={(id) => setTab(id as TabId)}>
        {tab === 'facts' && (
          <>
            <h2 class="panel-title">This article’s facts that other outlets also report</h2>
            <FactList facts={result.facts} visible={visible} onReveal={onReveal} />
          </>
        )}
        {tab === 'omissions' && (
          <>
            <h2 class="panel-title">What others reported that this article leaves out</h2>
            <OmissionList omissions={result.omissions} visible={visible} />
          </>
        )}
        {tab === 'unique' && (
          <>
            <h2 class="panel-title">Only in this article</h2>
            <UniqueList sentences={result.unique} visible={visible} onReveal={onReveal} />
          </>
        )}
        {tab === 'outlets' && (
          <>
            <h2 class="panel-title">Outlets covering the story</h2>
            <OutletList articles={covering} visible={visible} />
          </>
        )}
        {tab === 'related' && (
          <>
            <h2 class="panel-title">Earlier and later coverage</h2>
            <p class="muted panel-help">
              Articles on the same subject from another occasion (follow-ups, background, other events of the same people), with the facts of this
              article they also report. They are not counted as the same story.
            </p>
            <RelatedTimeline result={result} visible={visible} onReveal={onReveal} />
          </>
        )}
        {tab === 'coverage' && <CoverageGrid result={result} onReveal={onReveal} />}
      </Tabs>
      <footer class="foot muted">
        Compared on this device with the {result.corpus.name} corpus ({result.corpus.articles.toLocaleString('en')} articles). Nothing was sent anywhere.
      </footer>
    </div>
  );
}
