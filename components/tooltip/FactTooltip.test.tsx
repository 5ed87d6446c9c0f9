// Renders the tooltip into a linkedom document: count, versions, word differences, labels.
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AlignedPassage, Fact, RelatedCoverage } from '@/lib/result';
import { FactTooltip } from './FactTooltip';

let root: HTMLElement;

beforeEach(() => {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  Object.assign(globalThis, { window, document, Node: window.Node, Event: window.Event, HTMLElement: window.HTMLElement });
  root = document.getElementById('app') as unknown as HTMLElement;
});

afterEach(() => render(null, root));

const passage = (over: Partial<AlignedPassage>): AlignedPassage => ({
  articleId: 'nbc', outlet: 'NBC News', sentenceIndex: 3, start: 0, end: 10, text: 'Each side expelled 60 diplomats.', score: 0.8,
  sameFact: true, reasons: ['numbers'], diff: [], labels: [], ...over,
});
const fact = (passages: AlignedPassage[], conflict = false): Fact => ({
  sentence: { index: 9, start: 0, end: 40, text: 'Each of them expelled 60 diplomats.' }, passages, conflict,
});

describe('FactTooltip', () => {
  test('says how many other outlets report it and shows each version with its differences and labels', () => {
    render(
      <FactTooltip
        fact={fact([
          passage({
            diff: [{ value: 'Each ' }, { value: 'of them', removed: true }, { value: 'side', added: true }, { value: ' expelled 60 diplomats.' }],
            labels: [{ kind: 'attribution', side: 'other', thisText: '', otherText: 'announced', note: "NBC News attributes this to Russia ('announced')" }],
          }),
          passage({ articleId: 'x', outlet: null, score: 0.5, text: 'Sixty diplomats were expelled.' }),
        ])}
      />,
      root,
    );
    expect(root.querySelector('[data-testid="parallax-tooltip-count"]')!.textContent).toBe('2 other outlets report this');
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['NBC News', 'Unnamed outlet']);
    expect(root.querySelector('ins')!.textContent).toBe('side');
    expect(root.querySelector('del')!.textContent).toBe('of them');
    expect(root.querySelector('.label-attribution')!.textContent).toContain('Attribution');
    expect(root.textContent).toContain('Sixty diplomats were expelled.');
    // Only the closest version carries differences and labels.
    expect(root.querySelectorAll('.labels').length).toBe(1);
    expect(root.querySelectorAll('.diff.other').length).toBe(1);
  });

  test.each([
    ['a conflict is flagged', true, 'Outlets disagree'],
    ['no conflict, no flag', false, null],
  ])('%s', (_name, conflict, badge) => {
    render(<FactTooltip fact={fact([passage({})], conflict)} />, root);
    expect(root.querySelector('.badge')?.textContent ?? null).toBe(badge);
  });

  test('a version with nothing in common is shown as plain text, not struck through', () => {
    render(<FactTooltip fact={fact([passage({ diff: [{ value: 'Old words.', removed: true }, { value: 'New words.', added: true }], text: 'New words.' })])} />, root);
    expect(root.querySelector('del')).toBeNull();
    expect(root.querySelector('.diff')!.textContent).toBe('New words.');
  });

  test('shows at most two versions and counts the rest', () => {
    render(<FactTooltip fact={fact(['a', 'b', 'c'].map((id, i) => passage({ articleId: id, outlet: `Outlet ${id}`, score: 0.9 - i / 10 })))} />, root);
    expect(root.querySelectorAll('[data-testid="parallax-tooltip-version"]').length).toBe(2);
    expect(root.querySelector('.more')!.textContent).toBe('and 1 more');
  });

  test('adds one line when a related article (a follow-up) reports the fact too; none otherwise', () => {
    const followUp: RelatedCoverage = {
      id: 'seed-004', outlet: 'The New Yorker', title: null, url: null, published: '2018-05-04', daysApart: 32, score: 0.5,
      facts: [fact([passage({ articleId: 'seed-004', outlet: 'The New Yorker', text: 'The American tally of sixty expelled diplomats became public.' })])],
    };
    render(<FactTooltip fact={fact([passage({})])} related={[followUp]} />, root);
    expect(root.querySelector('[data-testid="parallax-tooltip-related"]')!.textContent).toBe('Also in later coverage: The New Yorker, 32 days later');
    // The follow-up is named, never shown as another version of the fact.
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['NBC News']);
    expect(root.querySelector('[data-testid="parallax-tooltip-count"]')!.textContent).toBe('1 other outlet reports this');
    render(<FactTooltip fact={{ ...fact([passage({})]), sentence: { index: 2, start: 0, end: 5, text: 'Other.' } }} related={[followUp]} />, root);
    expect(root.querySelector('[data-testid="parallax-tooltip-related"]')).toBeNull();
  });
});
