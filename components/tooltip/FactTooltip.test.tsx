// Renders the tooltip into a linkedom document: count, versions, word differences, labels.
import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { useAppRoot } from '@/components/shared/test-dom';
import type { AlignedPassage, Fact, RelatedCoverage } from '@/lib/result';
import { FactTooltip } from './FactTooltip';

const dom = useAppRoot();

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
      dom.root,
    );
    expect(dom.root.querySelector('[data-testid="parallax-tooltip-count"]')!.textContent).toBe('2 other outlets report this');
    expect([...dom.root.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['NBC News', 'Unnamed outlet']);
    expect(dom.root.querySelector('ins')!.textContent).toBe('side');
    expect(dom.root.querySelector('del')!.textContent).toBe('of them');
    expect(dom.root.querySelector('.label-attribution')!.textContent).toContain('Attribution');
    expect(dom.root.textContent).toContain('Sixty diplomats were expelled.');
    // Only the closest version carries differences and labels.
    expect(dom.root.querySelectorAll('.labels').length).toBe(1);
    expect(dom.root.querySelectorAll('.diff.other').length).toBe(1);
  });

  test.each([
    ['a conflict is flagged', true, 'Outlets disagree'],
    ['no conflict, no flag', false, null],
  ])('%s', (_name, conflict, badge) => {
    render(<FactTooltip fact={fact([passage({})], conflict)} />, dom.root);
    expect(dom.root.querySelector('.badge')?.textContent ?? null).toBe(badge);
  });

  test('a version with nothing in common is shown as plain text, not struck through', () => {
    render(<FactTooltip fact={fact([passage({ diff: [{ value: 'Old words.', removed: true }, { value: 'New words.', added: true }], text: 'New words.' })])} />, dom.root);
    expect(dom.root.querySelector('del')).toBeNull();
    expect(dom.root.querySelector('.diff')!.textContent).toBe('New words.');
  });

  test('shows at most two versions and counts the rest', () => {
    render(<FactTooltip fact={fact(['a', 'b', 'c'].map((id, i) => passage({ articleId: id, outlet: `Outlet ${id}`, score: 0.9 - i / 10 })))} />, dom.root);
    expect(dom.root.querySelectorAll('[data-testid="parallax-tooltip-version"]').length).toBe(2);
    expect(dom.root.querySelector('.more')!.textContent).toBe('and 1 more');
  });

  test('adds one line when a related article (a follow-up) reports the fact too; none otherwise', () => {
    const followUp: RelatedCoverage = {
      id: 'seed-004', outlet: 'The New Yorker', title: null, url: null, published: '2018-05-04', daysApart: 32, score: 0.5,
      facts: [fact([passage({ articleId: 'seed-004', outlet: 'The New Yorker', text: 'The American tally of sixty expelled diplomats became public.' })])],
    };
    render(<FactTooltip fact={fact([passage({})])} related={[followUp]} />, dom.root);
    expect(dom.root.querySelector('[data-testid="parallax-tooltip-related"]')!.textContent).toBe('Also in later coverage: The New Yorker, 32 days later');
    // The follow-up is named, never shown as another version of the fact.
    expect([...dom.root.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['NBC News']);
    expect(dom.root.querySelector('[data-testid="parallax-tooltip-count"]')!.textContent).toBe('1 other outlet reports this');
    render(<FactTooltip fact={{ ...fact([passage({})]), sentence: { index: 2, start: 0, end: 5, text: 'Other.' } }} related={[followUp]} />, dom.root);
    expect(dom.root.querySelector('[data-testid="parallax-tooltip-related"]')).toBeNull();
  });

  test('outlet names, versions and framing notes holding bidi controls reach neither the card nor its tooltips', () => {
    const R = '\u202E';
    const followUp: RelatedCoverage = {
      id: 'seed-004', outlet: `${R}The New Yorker`, title: null, url: null, published: '2018-05-04', daysApart: 32, score: 0.5,
      facts: [fact([passage({ articleId: 'seed-004', outlet: `${R}The New Yorker` })])],
    };
    render(
      <FactTooltip
        fact={fact([
          passage({
            outlet: `${R}NBC News`,
            diff: [{ value: `${R}Each ` }, { value: `${R}of them`, removed: true }, { value: `${R}side`, added: true }, { value: ' expelled 60 diplomats.' }],
            labels: [{ kind: 'attribution', side: 'other', thisText: '', otherText: 'announced', note: `${R}NBC News attributes this to Russia` }],
          }),
          passage({ articleId: 'x', outlet: `${R}Harbor Gazette`, score: 0.5, text: `${R}Sixty diplomats were expelled.` }),
        ])}
        related={[followUp]}
      />,
      dom.root,
    );
    const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
    expect(dom.root.textContent).not.toMatch(CONTROLS);
    for (const element of dom.root.querySelectorAll('*')) for (const { name, value } of element.attributes) expect(value, `${element.tagName} ${name}`).not.toMatch(CONTROLS);
    // The names and whole texts are isolated where they are shown.
    expect([...dom.root.querySelectorAll('h3 bdi')].map((b) => b.textContent)).toEqual(['NBC News', 'Harbor Gazette']);
    expect(dom.root.querySelector('.diff.other bdi')!.textContent).toBe('Sixty diplomats were expelled.');
    expect(dom.root.querySelector('.label-attribution')!.getAttribute('title')).toBe('NBC News attributes this to Russia');
  });
});
