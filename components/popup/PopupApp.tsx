import { useEffect, useState } from 'preact/hooks';
import type { TabReport } from '@/lib/messages';
import type { CorpusSummary } from '@/lib/result';
import { PopupHeader } from './PopupHeader';
import { RelatedTimeline } from './RelatedTimeline';
import { ResultView } from './ResultView';
import { StateView } from './StateView';
import { hasCoverage } from './derive';
import { formatDateRange, plural } from './labels';
import { errorMessage } from '@/lib/error-message';

export interface PopupAppProps {
  /** The background's report for the tab (cached: no re-analysis). */
  loadReport: () => Promise<TabReport>;
  /** Asks the page to analyze itself now (auto-run off, or nothing ran yet). */
  analyzePage: () => Promise<void>;
  /** Scrolls the page to a sentence and flashes it. */
  revealSentence: (sentenceIndex: number) => Promise<void>;
  openOptions: () => void;
  /** Opens the first-run page (choose outlets to follow), offered when nothing covers the story. */
  openWelcome?: () => void;
  copy: (text: string) => Promise<void>;
  download: (text: string, fileName: string, mime: string) => void;
  /** The extension's version, shown small beside the name. */
  version?: string;
  /** How often to ask again while the analysis runs. */
  pollMs?: number;
  /** After this long in "working", the progress bar appears. */
  progressAfterMs?: number;
  /** Pause between attempts to reach a page that does not answer yet. */
  retryMs?: number;
}

type View = { kind: 'loading' } | { kind: 'report'; report: TabReport } | { kind: 'failed'; error: string } | { kind: 'unreachable' };

/**
 * Asks the page to analyze itself, a few times: a page still loading may not have its content
 * script listening yet. False when it never answers.
 */
async function askToAnalyze(analyzePage: () => Promise<void>, stopped: () => boolean, retryMs: number): Promise<boolean> {
  for (let attempt = 0; attempt < 4 && !stopped(); attempt++) {
    try {
      await analyzePage();
      return true;
    } catch {
      await new Promise((done) => setTimeout(done, retryMs));
    }
  }
  return false;
}

function corpusSentence(corpus: CorpusSummary): string {
  const range = formatDateRange(corpus.firstPublished, corpus.lastPublished);
  return `the ${corpus.name} corpus (${plural(corpus.articles, 'article')} from ${plural(corpus.outlets, 'outlet')}${range ? `, ${range}` : ''})`;
}

export function PopupApp(props: PopupAppProps) {
  const { loadReport, analyzePage, pollMs = 250, progressAfterMs = 400, retryMs = 300 } = props;
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [slow, setSlow] = useState(false);
  const [revealError, setRevealError] = useState('');

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let askedToAnalyze = false;
    const slowTimer = setTimeout(() => setSlow(true), progressAfterMs);
    const tick = async () => {
      try {
        const report = await loadReport();
        if (stopped) return;
        if (report.state === 'idle' && !askedToAnalyze) {
          askedToAnalyze = true;
          if (!(await askToAnalyze(analyzePage, () => stopped, retryMs))) {
            // No content script in this tab (a browser page, a store, a PDF): nothing to analyze.
            if (!stopped) setView({ kind: 'unreachable' });
            return;
          }
        }
        if (stopped) return;
        setView({ kind: 'report', report });
        if (report.state === 'working' || report.state === 'idle') timer = setTimeout(tick, pollMs);
      } catch (error) {
        if (!stopped) setView({ kind: 'failed', error: errorMessage(error) });
      }
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(slowTimer);
    };
  }, [loadReport, analyzePage, pollMs, progressAfterMs, retryMs, attempt]);

  const retry = () => {
    setView({ kind: 'loading' });
    setSlow(false);
    setAttempt((n) => n + 1);
  };
  const reveal = (index: number) => {
    props.revealSentence(index).then(
      () => setRevealError(''),
      () => setRevealError('Parallax could not find that sentence in the page. If the page changed, reload it and try again.'),
    );
  };
  const optionsButton = (
    <button type="button" class="btn" onClick={props.openOptions}>
      Open options
    </button>
  );

  let body;
  if (view.kind === 'loading' || (view.kind === 'report' && (view.report.state === 'working' || view.report.state === 'idle'))) {
    const progress = view.kind === 'report' && view.report.state === 'working' ? view.report.progress : undefined;
    body = (
      <StateView kind="working" title="Comparing this article with other outlets…">
        <p>Reading the article and looking for the same facts in your corpora. This happens on your device.</p>
        {slow && (
          <progress class="progress" aria-label="Analysis progress" max={1} {...(progress !== undefined ? { value: progress } : {})} />
        )}
      </StateView>
    );
  } else if (view.kind === 'failed') {
    body = (
      <StateView
        kind="error"
        title="Parallax could not get this page’s comparison"
        actions={
          <button type="button" class="btn btn-primary" onClick={retry}>
            Try again
          </button>
        }
      >
        <p>{view.error}</p>
        <p>Reload the page, then open Parallax again.</p>
      </StateView>
    );
  } else if (view.kind === 'unreachable') {
    body = (
      <StateView kind="no-article" title="Parallax can’t read this page">
        <p>Browser pages, extension stores and files can’t be analyzed. Open a news article on the web and click Parallax again.</p>
      </StateView>
    );
  } else {
    const report = view.report;
    switch (report.state) {
      case 'no-article':
        body = (
          <StateView kind="no-article" title="This page doesn’t look like a news article">
            <p>Parallax compares articles with other outlets’ coverage. Open an article and click Parallax again.</p>
          </StateView>
        );
        break;
      case 'disabled':
        body = (
          <StateView kind="disabled" title={`Parallax is off on ${report.host}`} actions={optionsButton}>
            <p>You switched Parallax off for this site. Turn it back on in the options.</p>
          </StateView>
        );
        break;
      case 'error':
        body = (
          <StateView
            kind="error"
            title="The comparison failed"
            actions={
              <button type="button" class="btn btn-primary" onClick={retry}>
                Try again
              </button>
            }
          >
            <p>{report.error}</p>
          </StateView>
        );
        break;
      case 'no-coverage':
      case 'ready':
        if (report.state === 'no-coverage' || !hasCoverage(report.result)) {
          const { related } = report.result;
          body = (
            <>
              <StateView
                kind="no-coverage"
                title="No other outlet in your corpora covers this story"
                actions={
                  <>
                    {props.openWelcome && (
                      <button type="button" class="btn btn-primary" onClick={props.openWelcome} data-testid="choose-sources">
                        Choose news sources
                      </button>
                    )}
                    {optionsButton}
                  </>
                }
              >
                <p>Parallax compared this article with {corpusSentence(report.result.corpus)} and found no article about the same event.</p>
                {related.length > 0 ? (
                  <p>It found earlier or later coverage of the same subject: see below.</p>
                ) : (
                  <p>Follow news outlets’ feeds (choose them in a list, left to right and around the world) or import a corpus in the options to compare it.</p>
                )}
              </StateView>
              {/* A follow-up read alone still has its background: the timeline, without the same-story views. */}
              {related.length > 0 && (
                <section class="panel related-only" aria-labelledby="related-only-title">
                  <h2 class="panel-title" id="related-only-title">
                    Earlier and later coverage
                  </h2>
                  <RelatedTimeline result={report.result} visible={null} onReveal={reveal} />
                </section>
              )}
            </>
          );
        } else {
          body = <ResultView result={report.result} article={report.article} onReveal={reveal} copy={props.copy} download={props.download} />;
        }
        break;
    }
  }

  return (
    <div class="popup" data-testid="popup">
      <PopupHeader onOpenOptions={props.openOptions} version={props.version} />
      <main>{body}</main>
      {revealError && (
        <p class="toast" role="alert">
          {revealError}
        </p>
      )}
    </div>
  );
}
