// Renders the popup into a linkedom document: every state, and the result view's structure.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import { useAppRoot } from '@/components/shared/test-dom';
import type { TabReport } from '@/lib/messages';
import { PopupApp } from './PopupApp';
import { SAMPLE_RESULT } from './test-fixture';

const dom = useAppRoot();

const flush = () => act(() => new Promise((done) => setTimeout(done, 0)));

async function mount(report: TabReport | (() => Promise<TabReport>), extra: Partial<Parameters<typeof PopupApp>[0]> = {}) {
  const revealed: number[] = [];
  const analyzeCalls: number[] = [];
  await act(() => {
    render(
      <PopupApp
        loadReport={typeof report === 'function' ? report : async () => report}
        analyzePage={async () => void analyzeCalls.push(1)}
        revealSentence={async (i) => void revealed.push(i)}
        openOptions={() => undefined}
        copy={async () => undefined}
        download={() => undefined}
        pollMs={5}
        progressAfterMs={0}
        retryMs={1}
        {...extra}
      />,
      dom.root,
    );
  });
  await flush();
  return { revealed, analyzeCalls };
}

const q = (selector: string) => dom.root.querySelector(selector);
const text = (selector: string) => (q(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('PopupApp states', () => {
  test.each([
    [{ state: 'no-article' } as TabReport, 'state-no-article', /doesn’t look like a news article/],
    [{ state: 'disabled', host: 'example.com' } as TabReport, 'state-disabled', /Parallax is off on example\.com/],
    [{ state: 'error', error: 'corpus unreadable' } as TabReport, 'state-error', /corpus unreadable/],
    [{ state: 'working', progress: 0.3 } as TabReport, 'state-working', /Comparing this article/],
    [{ state: 'no-coverage', result: SAMPLE_RESULT } as TabReport, 'state-no-coverage', /the seeds corpus \(5 articles from 3 outlets, 2 Apr – 4 May 2018\)/],
    [{ state: 'ready', result: { ...SAMPLE_RESULT, stories: [], facts: [] } } as TabReport, 'state-no-coverage', /found no article about the same event/],
  ])('%j', async (report, testId, message) => {
    await mount(report);
    expect(q(`[data-testid="${testId}"]`)).not.toBeNull();
    expect(text(`[data-testid="${testId}"]`)).toMatch(message);
  });

  test('a failing background shows the error state with a retry', async () => {
    await mount(async () => {
      throw new Error('no answer');
    });
    expect(text('[data-testid="state-error"]')).toMatch(/no answer/);
    expect(q('[data-testid="state-error"] button')?.textContent).toBe('Try again');
  });

  test('an idle tab is asked to analyze, then polled until ready', async () => {
    const reports: TabReport[] = [{ state: 'idle' }, { state: 'working' }, { state: 'ready', result: SAMPLE_RESULT }];
    const { analyzeCalls } = await mount(async () => reports.shift() ?? { state: 'ready', result: SAMPLE_RESULT });
    for (let i = 0; i < 10 && !q('[data-testid="result"]'); i++) await act(() => new Promise((done) => setTimeout(done, 10)));
    expect(analyzeCalls).toHaveLength(1);
    expect(q('[data-testid="result"]')).not.toBeNull();
  });

  test('a tab without a content script says the page cannot be read, after a few attempts', async () => {
    let attempts = 0;
    await mount({ state: 'idle' }, {
      analyzePage: async () => {
        attempts += 1;
        throw new Error('Receiving end does not exist');
      },
    });
    for (let i = 0; i < 10 && !q('[data-testid="state-no-article"]'); i++) await act(() => new Promise((done) => setTimeout(done, 10)));
    expect(text('[data-testid="state-no-article"]')).toMatch(/can’t read this page/);
    expect(attempts).toBe(4);
  });
});

describe('ResultView', () => {
  test('header, tabs with counts, conflict marked, facts expand and reveal', async () => {
    const { revealed } = await mount({ state: 'ready', result: SAMPLE_RESULT });
    expect(text('#article-title')).toBe('Russia Sends Hasty R.S.V.P. to Trump’s Invitation');
    expect(text('[data-testid="article-header"] .story-line')).toMatch(/Same story in 2 other outlets.*2 Apr 2018.*2 shared facts.*1 conflict/);
    expect([...dom.root.querySelectorAll('[role="tab"]')].map((t) => t.textContent)).toEqual([
      'Shared facts2',
      'Left out here1',
      'Only here1',
      'Outlets2',
      'Timeline2',
      'Coverage grid',
    ]);
    expect(q('[data-testid="fact"].is-conflict .badge-conflict')?.textContent).toBe('Conflict');

    const toggle = q('[data-testid="fact"] .fact-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await act(() => void toggle.dispatchEvent(new (globalThis as unknown as { Event: typeof Event }).Event('click', { bubbles: true })));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(revealed).toEqual([4]);
    expect(text('.passage ins')).toMatch(/only in Unnamed outlet: Last month, the Trump administration/);
    expect(text('.passage del')).toMatch(/only in this article: The idea of a personal get-together/);
    expect(text('.labels .chip')).toBe('Numbers differ');
    // A long run of this article's own words is folded to a count; a short one stays inline.
    expect(text('.passage del.del-folded [aria-hidden="true"]')).toBe('−14 words');
    expect(q('.passage del.del-folded')?.getAttribute('title')).toMatch(/^The idea of a personal get-together/);
  });
});

describe('text from pages and corpora', () => {
  test('titles, outlets and sentences are bidi-isolated and their override controls never reach the screen', async () => {
    const [first, ...others] = SAMPLE_RESULT.stories;
    const [fact] = SAMPLE_RESULT.facts;
    const result = {
      ...SAMPLE_RESULT,
      self: { ...SAMPLE_RESULT.self!, title: 'Invoice \u202Egnp.exe' },
      stories: [{ ...first!, outlet: '\u202Bשלום News', title: 'Report \u2067attached\u2069 \u202Efdp.scr' }, ...others],
      facts: [{ ...fact!, sentence: { ...fact!.sentence, text: 'He said \u202Edias eh.' } }, ...SAMPLE_RESULT.facts.slice(1)],
    };
    await mount({ state: 'ready', result });
    expect(q('#article-title bdi')?.textContent).toBe('Invoice gnp.exe');
    expect(dom.root.textContent).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect([...dom.root.querySelectorAll('.fact-text bdi')].map((b) => b.textContent)).toContain('He said dias eh.');
    await act(() => void q('#tab-outlets')!.dispatchEvent(new (globalThis as unknown as { Event: typeof Event }).Event('click', { bubbles: true })));
    expect(dom.root.textContent).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    const outlet = [...dom.root.querySelectorAll('[data-testid="outlet"]')].find((li) => li.textContent?.includes('שלום News'))!;
    expect([...outlet.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(expect.arrayContaining(['שלום News', 'Report attached fdp.scr']));
  });
});

/** The result with a right-to-left override in every outlet name, title and sentence it holds. */
function overridden(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return ['outlet', 'title', 'text'].includes(key) ? `\u202E${value}` : value;
  if (Array.isArray(value)) return value.map((v) => overridden(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, overridden(v, k)]));
  return value;
}

test('no tab shows a bidi control from an outlet name, title or sentence, in its text or in any label or tooltip', async () => {
  await mount({ state: 'ready', result: overridden(SAMPLE_RESULT) as typeof SAMPLE_RESULT });
  const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
  for (const tab of ['facts', 'omissions', 'unique', 'outlets', 'related', 'coverage']) {
    await act(() => void q(`#tab-${tab}`)!.dispatchEvent(new (globalThis as unknown as { Event: typeof Event }).Event('click', { bubbles: true })));
    expect(q(`#tab-${tab}`)?.getAttribute('aria-selected')).toBe('true');
    expect.soft(dom.root.textContent, tab).not.toMatch(CONTROLS);
    for (const element of dom.root.querySelectorAll('*')) {
      for (const { name, value } of element.attributes) expect.soft(value, `${tab}: ${element.tagName} ${name}`).not.toMatch(CONTROLS);
    }
  }
});

const click = (el: Element) =>
  act(() => void el.dispatchEvent(new (globalThis as unknown as { Event: typeof Event }).Event('click', { bubbles: true })));

describe('Earlier and later coverage', () => {
  test('a timeline around this article: outlet, title, how far apart, and the facts each shares', async () => {
    const { revealed } = await mount({ state: 'ready', result: SAMPLE_RESULT });
    await click(q('#tab-related')!);
    expect(q('#tab-related')?.getAttribute('aria-selected')).toBe('true');
    expect(text('#panel-related h2')).toBe('Earlier and later coverage');
    // Headings for each part of the timeline, this article marked between them.
    const timeline = q('[data-testid="timeline"]')!;
    const order = [...timeline.children].map((el) => (el.matches('[data-testid="timeline-now"]') ? 'now' : el.querySelector('h3')?.textContent));
    expect(order).toEqual(['Earlier', 'now', 'Later']);
    expect(text('[data-testid="timeline-now"]')).toBe('This article · 2 Apr 2018');
    // Ordered lists, one item an article.
    expect(timeline.querySelectorAll('section > ol > li[data-testid="related"]').length).toBe(2);
    const [reuters, newYorker] = [...dom.root.querySelectorAll('[data-testid="related"]')];
    expect(reuters!.querySelector('[data-testid="related-when"]')?.textContent).toBe('7 days earlier');
    expect(reuters!.querySelector('a.outlet-title')?.getAttribute('href')).toBe('https://example.org/reuters-expulsions');
    const ny = (newYorker!.textContent ?? '').replace(/\s+/g, ' ');
    expect(ny).toMatch(/^The New Yorker32 days later4 May 2018Trump’s pursuit of an Oval Office meeting with Putin/);
    expect(ny).toContain('Shares 2 facts with this article:');
    const facts = [...newYorker!.querySelectorAll('[data-testid="related-fact"]')];
    expect(facts.map((f) => f.querySelector('q')?.textContent?.slice(0, 30))).toEqual(['The Kremlin foreign policy adv', 'The idea of a personal get-tog']);
    expect(facts[1]!.querySelector('.timeline-theirs')?.textContent).toBe('The New Yorker: Trump signed off, but then exploded on Monday, when the American tally of sixty expelled diplomats became public.');
    // "Show in page" is a button (keyboard reachable) that reveals this article's sentence.
    await click(facts[1]!.querySelector('button')!);
    expect(revealed).toEqual([4]);
  });

  test('the same-event views leave related articles out', async () => {
    await mount({ state: 'ready', result: SAMPLE_RESULT });
    await click(q('#tab-outlets')!);
    expect([...dom.root.querySelectorAll('[data-testid="outlet"] strong')].map((e) => e.textContent)).toEqual(['NBC News', 'Unnamed outlet']);
    await click(q('#tab-facts')!);
    expect(dom.root.textContent).not.toContain('The New Yorker');
    await click(q('#tab-coverage')!);
    expect(dom.root.textContent).not.toContain('The New Yorker');
  });

  test('search narrows the timeline', async () => {
    await mount({ state: 'ready', result: SAMPLE_RESULT });
    const input = q('#popup-search') as HTMLInputElement;
    await act(() => {
      input.value = 'Seattle';
      input.dispatchEvent(new (globalThis as unknown as { Event: typeof Event }).Event('input', { bubbles: true }));
    });
    expect(text('#tab-related')).toBe('Timeline1');
    await click(q('#tab-related')!);
    expect([...dom.root.querySelectorAll('[data-testid="related"] .timeline-outlet')].map((e) => e.textContent)).toEqual(['Reuters']);
  });

  test('no related coverage says so', async () => {
    await mount({ state: 'ready', result: { ...SAMPLE_RESULT, related: [] } });
    expect(text('#tab-related')).toBe('Timeline0');
    await click(q('#tab-related')!);
    expect(text('#panel-related .empty')).toBe('No earlier or later article in your corpora reports this article’s facts.');
  });

  test('a follow-up with no same-event coverage still shows its earlier coverage', async () => {
    const followUp = {
      ...SAMPLE_RESULT,
      stories: SAMPLE_RESULT.stories.filter((s) => !s.sameStory),
      facts: [],
      related: SAMPLE_RESULT.related.map((r) => ({ ...r, daysApart: r.daysApart === null ? null : -r.daysApart })),
    };
    await mount({ state: 'no-coverage', result: followUp });
    expect(text('[data-testid="state-no-coverage"]')).toMatch(/found no article about the same event\.\s*It found earlier or later coverage/);
    expect(text('.related-only h2')).toBe('Earlier and later coverage');
    expect([...dom.root.querySelectorAll('[data-testid="related-when"]')].map((e) => e.textContent)).toEqual(['32 days earlier', '7 days later']);
  });
});
