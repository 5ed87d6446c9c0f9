import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { serializePage } from './page-html';
import { createBudget } from './work-budget';

const budget = () => createBudget(new AbortController().signal, 1e9);

describe('serializePage', () => {
  test.each([
    ['a small page', 5],
    ['a page large enough to be serialized tag by tag', 900],
  ])('keeps the text and markup of %s and leaves out scripts, styles and SVG', async (_name, paragraphs) => {
    const body = Array.from({ length: paragraphs }, (_, i) => `<p class="x" data-n="${i}">Para ${i} &amp; “quotes” <a href="/a?b=1&amp;c=2">link</a>&nbsp;end</p>`).join('');
    const { document } = parseHTML(
      `<!doctype html><html lang="en"><head><title>T</title><style>p{}</style></head><body><div id="main">${body}<script>var secret = "<p>nope</p>";</script><svg><text>svg text</text></svg></div></body></html>`,
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
  });
});
