import { describe, expect, test, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractPage } from '@/utils/page-analysis/page-analysis';
import { MAX_DEPTH, serializePage } from './page-html';
import { createBudget } from './work-budget';

const budget = () => createBudget(new AbortController().signal, 1e9);

const STORY = [
  'MOSCOW — Russia sought to move beyond last week’s diplomatic confrontation with the West on Monday by pressing President Trump for a White House meeting with President Vladimir V. Putin.',
  'The Kremlin foreign policy adviser, Yuri Ushakov, said in Moscow that Mr. Trump, in a telephone call with Mr. Putin on March 20, proposed that the two leaders meet at the White House in the near future.',
  'It is not clear whether such a meeting is still viable, and both sides issued vague or even conflicting statements on Monday. Within hours, the Kremlin spokesman discounted it.',
];

/** A page with a short article and a hidden chain of `depth` nested divs, built as a page script would. */
function deepChainPage(depth: number) {
  const parsed = parseHTML(
    `<!doctype html><html><head><title>Deep</title></head><body><article>${STORY.map((p) => `<p>${p}</p>`).join('')}</article><div id="chain" hidden></div></body></html>`,
  );
  let node = parsed.document.getElementById('chain')!;
  for (let i = 0; i < depth; i++) node = node.appendChild(parsed.document.createElement('div'));
  node.textContent = 'bottom of the chain';
  return parsed;
}

function maxDepth(root: Element): number {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length) {
    const [element, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of element.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

describe('serializePage', () => {
  test.each([
    ['a small page', 5],
    ['a page large enough to be serialized tag by tag', 900],
  ])('keeps the text and markup of %s and leaves out scripts, styles and SVG', async (_name, paragraphs) => {
    const body = Array.from({ length: paragraphs }, (_, i) => `<p class="x" data-n="${i}">Para ${i} &amp; “quotes” <a href="/a?b=1&amp;c=2">link</a>&nbsp;end</p>`).join('');
    const { document } = parseHTML(
      `<!doctype html><html lang="en"><head><title>T</title><style>p{}</style></head><body><div id="main">${body}<script>var secret = "<p>nope</p>";</script><svg><text>svg text</text></svg></div><parallax-tooltip>ours</parallax-tooltip><parallax-highlights>ours</parallax-highlights></body></html>`,
    );
    const html = await serializePage(document as unknown as Document, budget());
    const again = parseHTML(html).document;
    expect(again.querySelectorAll('p').length).toBe(paragraphs);
    expect(again.querySelector('p')!.textContent).toBe('Para 0 & “quotes” link\u00a0end');
    expect(again.querySelector('a')!.getAttribute('href')).toBe('/a?b=1&c=2');
    expect(again.documentElement.getAttribute('lang')).toBe('en');
    expect(again.title).toBe('T');
    expect(html).not.toContain('secret');
    expect(html).not.toContain('svg text');
    expect(html).not.toContain('p{}');
    expect(html).not.toContain('ours');
  });

  test('costs the DOM work of one pass over the page, whatever its depth (no per-element subtree queries)', async () => {
    const depth = 3000;
    const { document, Element } = deepChainPage(depth);
    // Each native call that walks a subtree is charged that subtree's size.
    const sizes = new Map<Element, number>();
    const order: Element[] = [];
    const stack: Element[] = [document.documentElement];
    while (stack.length) {
      const element = stack.pop()!;
      order.push(element);
      stack.push(...element.children);
    }
    for (const element of order.reverse()) sizes.set(element, 1 + [...element.children].reduce((n, c) => n + sizes.get(c)!, 0));
    let charged = 0;
    const charge = (element: Element) => {
      charged += sizes.get(element) ?? 0;
    };
    const proto = Element.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const descendants = (root: Element) => {
      const found: Element[] = [];
      const pending = [...root.children];
      while (pending.length) {
        const element = pending.pop()!;
        found.push(element);
        pending.push(...element.children);
      }
      return found;
    };
    const spies = ['getElementsByTagName', 'querySelector', 'querySelectorAll'].map((name) => {
      const original = proto[name]!;
      return vi.spyOn(proto, name).mockImplementation(function (this: Element, ...args: unknown[]) {
        charge(this);
        // linkedom answers getElementsByTagName('*') with nothing; browsers list every descendant.
        if (name === 'getElementsByTagName' && args[0] === '*') return descendants(this);
        return original.apply(this, args);
      });
    });
    const outer = Object.getOwnPropertyDescriptor(Element.prototype, 'outerHTML')!;
    const outerSpy = vi.spyOn(Element.prototype, 'outerHTML', 'get').mockImplementation(function (this: Element) {
      charge(this);
      return outer.get!.call(this) as string;
    });
    try {
      await serializePage(document as unknown as Document, budget());
    } finally {
      for (const spy of [...spies, outerSpy]) spy.mockRestore();
    }
    expect(charged).toBeLessThanOrEqual(sizes.get(document.documentElement)!);
  });

  test('a hidden 59,000-deep chain is flattened below MAX_DEPTH and the article is still extracted', async () => {
    const { document } = deepChainPage(59_000);
    const html = await serializePage(document as unknown as Document, budget());
    expect(html).toContain('bottom of the chain');
    expect(maxDepth(parseHTML(html).document.documentElement as unknown as Element)).toBeLessThanOrEqual(MAX_DEPTH + 1);
    const extraction = extractPage(html, 'https://news.example/deep');
    expect(extraction.ok).toBe(true);
    if (extraction.ok) expect(extraction.article.text).toContain('Yuri Ushakov');
  }, 60_000);
});
