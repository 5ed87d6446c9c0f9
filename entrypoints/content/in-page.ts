// The content script's life on one page: when to analyze, what to draw, how to answer hover,
// keys and messages. Everything it starts is tied to the WXT context (ctx) or to the current run's
// AbortSignal, so navigation and extension reloads clean up without bookkeeping.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseMessage, type TabReport } from '@/lib/messages';
import { isSiteDisabled, type Settings } from '@/lib/settings';
import { DEBUG_HIGHLIGHT, clearDebugHighlight, factRanges, highlightsSupported, type DrawnFact } from './highlights';
import { createHighlightLayer, type HighlightLayer } from './highlight-layer';
import { factAtPoint } from './hover';
import { rangeOf } from './live-text';
import { articleTextOf, runPage, type PageModel, type RunOutcome } from './page-run';
import { setPageState, type PageState } from './page-state';
import { changesNeedRun, watchPage, type PageChanges } from './page-watch';
import { RerunPace } from './rerun-pace';
import { createTooltip, type Tooltip } from './tooltip-ui';
import { runtimeTransport, type MessageTransport } from './transport';
import { createBudget, endSlice, recordSlices } from './work-budget';
import { loadSettings, onSettingsChanged } from './user-settings';
import { errorMessage } from '@/lib/error-message';

const HIDE_DELAY_MS = 250;
const FOCUS_MS = 1500;
const LOCATION_SETTLE_MS = 300;

export class InPage {
  private run: AbortController | null = null;
  private model: PageModel | null = null;
  private drawn: DrawnFact[] = [];
  private tooltip: Promise<Tooltip> | null = null;
  private state: PageState | null = null;
  private stepIndex = -1;
  private autoReruns = 0;
  private hideTimer: number | undefined;
  private locationTimer: number | undefined;
  /** A paced analysis waiting for its turn (see rerun-pace.ts). */
  private pacedTimer: number | undefined;
  private readonly pace = new RerunPace();
  /** The URL the latest analysis started on: navigation is judged against it, not against events. */
  private analyzedUrl: string | null = null;
  private pointer: { x: number; y: number; target: EventTarget | null } | null = null;
  private transport: MessageTransport;
  private readonly layer: HighlightLayer;

  constructor(private readonly ctx: ContentScriptContext, private settings: Settings) {
    this.transport = runtimeTransport(ctx.signal);
    this.layer = createHighlightLayer(ctx.signal);
  }

  start(): void {
    const { ctx } = this;
    const listener = (raw: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const message = parseMessage(raw);
      if (!message) return undefined;
      if (message.type === 'next-shared-fact') return Promise.resolve({ ok: this.stepToNextFact() });
      if (message.type === 'reveal-sentence') return Promise.resolve({ ok: this.reveal(message.sentenceIndex) });
      if (message.type === 'analyze-page') {
        void this.analyze();
        return Promise.resolve({ ok: true });
      }
      if (message.type === 'inspect-page') return this.inspect();
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(listener);
      this.run?.abort();
      clearDebugHighlight();
    });
    ctx.onInvalidated(onSettingsChanged((settings) => this.applySettings(settings)));

    // Only the user's own input counts: events a page script dispatches (isTrusted false) could
    // otherwise open the tooltip over any sentence and probe what the highlights cover.
    ctx.addEventListener(document, 'mousemove', (event) => {
      if (event.isTrusted) this.onPointer(event);
    }, { passive: true });
    ctx.addEventListener(document, 'mouseout', (event) => {
      if (event.isTrusted && !event.relatedTarget) this.scheduleHide();
    });
    ctx.addEventListener(window, 'keydown', (event) => {
      if (event.isTrusted && event.key === 'Escape') void this.hideTooltip();
    });
    watchPage(ctx, { onLocationChange: () => this.onLocationChange(), onChanges: (changes) => this.onChanges(changes) });

    if (isSiteDisabled(this.settings, location.host)) {
      void this.report({ state: 'disabled', host: location.host });
      return;
    }
    if (this.settings.run === 'auto') void this.analyze();
  }

  /** Runs the analysis from scratch, abandoning any run in progress. */
  async analyze(): Promise<void> {
    this.run?.abort();
    if (this.pacedTimer !== undefined) clearTimeout(this.pacedTimer);
    this.pacedTimer = undefined;
    this.pace.started(performance.now());
    this.analyzedUrl = location.href;
    const run = new AbortController();
    this.run = run;
    const signal = AbortSignal.any([run.signal, this.ctx.signal]);
    // Evaluations ask for our work slices on the page's timeline, to attribute long tasks.
    recordSlices(document.documentElement.dataset.parallaxDebug ? (start, end) => performance.measure('parallax:slice', { start, end }) : null);
    const budget = createBudget(signal);
    this.setState('working');
    void this.report({ state: 'working' });
    let outcome: RunOutcome;
    try {
      outcome = await runPage(signal, this.transport, budget);
    } catch (error) {
      if (signal.aborted) return;
      outcome = { state: 'error', error: errorMessage(error) };
    }
    if (signal.aborted) return;
    this.run = null;
    try {
      this.apply(outcome);
      endSlice(budget);
    } catch (error) {
      // Drawing failed (a browser without some API, a page in a state we did not foresee):
      // say so on the page rather than throw into it.
      this.model = null;
      this.drawn = [];
      this.setState('error', `drawing failed: ${errorMessage(error)}`);
    }
  }

  private apply(outcome: RunOutcome): void {
    void this.hideTooltip();
    this.layer.clear();
    clearDebugHighlight();
    this.drawn = [];
    this.stepIndex = -1;
    if (outcome.state === 'no-article' || outcome.state === 'error') {
      this.model = null;
      if (outcome.state === 'error') this.setState('error', outcome.error);
      else this.setState('no-article');
      void this.report(outcome.state === 'error' ? { state: 'error', error: outcome.error } : { state: 'no-article' });
      return;
    }
    this.model = outcome.model;
    if (document.documentElement.dataset.parallaxDebug) performance.mark('parallax:draw');
    this.draw();
    if (document.documentElement.dataset.parallaxDebug) performance.mark('parallax:drawn');
    this.setState(outcome.state);
  }

  private draw(): void {
    const model = this.model;
    this.layer.clear();
    clearDebugHighlight();
    this.drawn = [];
    if (!model) return;
    if (document.documentElement.dataset.parallaxDebug === 'anchors' && highlightsSupported()) this.drawDebugAnchors(model);
    if (!this.settings.highlights || model.analysis.state !== 'ready') return;
    this.drawn = factRanges(model.analysis.result.facts, model.anchors, model.live);
    this.layer.draw(this.drawn.map(({ fact, range }) => ({ kind: fact.conflict ? 'conflict' : 'shared', range })));
    // The tooltip's element is made with the highlights, not on the first hover: its arrival
    // would tell the page that the sentence under the reader's pointer is highlighted.
    if (this.drawn.length) this.ensureTooltip().catch(() => undefined);
  }

  /** The inspect-page message: what is drawn, as the extension sees it. */
  private async inspect(): Promise<object> {
    const tooltip = this.tooltip ? await this.tooltip.catch(() => null) : null;
    return { state: this.state, highlights: this.layer.describe(), tooltip: tooltip?.describe() ?? null };
  }

  /** For evaluations: every anchored sentence as an (unstyled) highlight, plus the texts expected. */
  private drawDebugAnchors(model: PageModel): void {
    const highlight = new Highlight();
    const texts: string[] = [];
    model.analysis.result.sentences.forEach((sentence, i) => {
      const anchor = model.anchors[i];
      const range = anchor ? rangeOf(model.live, anchor.start, anchor.end) : null;
      if (!range) return;
      highlight.add(range);
      texts.push(model.analysis.article.text.slice(sentence.start, sentence.end));
    });
    CSS.highlights.set(DEBUG_HIGHLIGHT, highlight);
    document.documentElement.dataset.parallaxDebugSentences = JSON.stringify({ total: model.analysis.result.sentences.length, texts });
  }

  private setState(state: PageState, error?: string): void {
    this.state = state;
    setPageState(state, error);
  }

  private async report(report: TabReport): Promise<void> {
    await this.transport.send({ type: 'tab-state', url: location.href, report }).catch(() => undefined);
  }

  private applySettings(settings: Settings): void {
    const highlightsChanged = settings.highlights !== this.settings.highlights;
    this.settings = settings;
    if (highlightsChanged) {
      void this.hideTooltip();
      this.draw();
    }
  }

  /**
   * An analysis the page brought about (navigation, a changed article): started once the pace
   * allows, one at a time however often the page asks.
   */
  private requestRun(): void {
    const now = performance.now();
    const at = this.pace.nextAllowed(now);
    if (at <= now) {
      void this.analyze();
      return;
    }
    this.pacedTimer ??= this.ctx.setTimeout(() => {
      this.pacedTimer = undefined;
      void this.analyze();
    }, at - now);
  }

  private onLocationChange(): void {
    if (isSiteDisabled(this.settings, location.host) || this.settings.run !== 'auto') return;
    // The event can fire inside pushState, before the app has put the new article in the page.
    if (this.locationTimer !== undefined) clearTimeout(this.locationTimer);
    this.locationTimer = this.ctx.setTimeout(() => {
      this.locationTimer = undefined;
      // The event is a hint (a page can dispatch one under WXT's name): only a URL other than
      // the one analyzed counts as navigation.
      if (location.href === this.analyzedUrl) return;
      this.autoReruns = 0;
      this.requestRun();
    }, LOCATION_SETTLE_MS);
  }

  private onChanges(changes: PageChanges): void {
    // Whatever changed may have moved the highlighted text.
    this.layer.reposition();
    if (this.run || this.pacedTimer !== undefined || this.settings.run !== 'auto') return;
    const model = this.model;
    const last = {
      state: this.state,
      articleRoot: model?.articleRoot ?? null,
      articleText: model ? model.articleText : null,
      autoReruns: this.autoReruns,
    };
    if (!changesNeedRun(last, changes, articleTextOf)) return;
    if (!model) this.autoReruns++;
    this.requestRun();
  }

  private onPointer(event: MouseEvent): void {
    if (!this.drawn.length && !this.tooltip) return;
    const first = this.pointer === null;
    this.pointer = { x: event.clientX, y: event.clientY, target: event.target };
    if (first) this.ctx.requestAnimationFrame(() => void this.hitTest().catch(() => undefined));
  }

  private async hitTest(): Promise<void> {
    const pointer = this.pointer;
    this.pointer = null;
    if (!pointer) return;
    const hit = factAtPoint(this.drawn, pointer.x, pointer.y);
    if (hit) {
      this.cancelHide();
      const tooltip = await this.ensureTooltip();
      if (tooltip.current !== hit) tooltip.show(hit);
      return;
    }
    const tooltip = this.tooltip ? await this.tooltip.catch(() => null) : null;
    if (tooltip?.current && !tooltip.contains(pointer.target)) this.scheduleHide();
    else this.cancelHide();
  }

  private ensureTooltip(): Promise<Tooltip> {
    this.tooltip ??= createTooltip(
      this.ctx,
      () => this.model?.analysis.result.self?.outlet ?? null,
      () => this.model?.analysis.result.related ?? [],
    ).catch((error: unknown) => {
      // Without a tooltip the highlights still stand; a later hover tries again.
      this.tooltip = null;
      throw error;
    });
    return this.tooltip;
  }

  private scheduleHide(): void {
    if (this.hideTimer !== undefined) return;
    this.hideTimer = this.ctx.setTimeout(() => {
      this.hideTimer = undefined;
      void this.hideTooltip();
    }, HIDE_DELAY_MS);
  }

  private cancelHide(): void {
    if (this.hideTimer !== undefined) clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }

  private async hideTooltip(): Promise<void> {
    this.cancelHide();
    const tooltip = this.tooltip ? await this.tooltip.catch(() => null) : null;
    tooltip?.hide();
  }

  private scrollToRange(range: Range): void {
    const rect = range.getBoundingClientRect();
    const target = window.scrollY + rect.top - window.innerHeight / 3;
    window.scrollTo({ top: Math.max(0, target), behavior: 'instant' });
  }

  /** The `next-shared-fact` command: the next highlighted sentence, scrolled to, with its tooltip. */
  stepToNextFact(): boolean {
    if (!this.drawn.length) return false;
    this.stepIndex = (this.stepIndex + 1) % this.drawn.length;
    const entry = this.drawn[this.stepIndex]!;
    this.scrollToRange(entry.range);
    this.showTooltip(entry);
    return true;
  }

  private showTooltip(entry: DrawnFact): void {
    this.ensureTooltip().then(
      (tooltip) => tooltip.show(entry),
      () => undefined,
    );
  }

  /** The popup's "show me": scroll to a sentence and flash it. */
  reveal(sentenceIndex: number): boolean {
    const model = this.model;
    const anchor = model?.anchors[sentenceIndex];
    const range = model && anchor ? rangeOf(model.live, anchor.start, anchor.end) : null;
    if (!range) return false;
    this.scrollToRange(range);
    this.layer.flash(range, FOCUS_MS);
    const entry = this.drawn.find((d) => d.fact.sentence.index === sentenceIndex);
    if (entry) this.showTooltip(entry);
    return true;
  }
}

export async function startInPage(ctx: ContentScriptContext): Promise<void> {
  const app = new InPage(ctx, await loadSettings());
  app.start();
}
