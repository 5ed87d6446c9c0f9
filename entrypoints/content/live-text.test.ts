import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { PageTooLargeError, buildLiveText, domSpan } from './live-text';
import { createBudget } from './work-budget';

const budget = () => createBudget(new AbortController().signal, 1e9);
const bodyOf = (html: string) => parseHTML(`<html><body>${html}</body></html>`).document.body as unknown as HTMLElement;

/** The raw DOM text a span covers, read back through its positions. */
function rawText(span: NonNullable<ReturnType<typeof domSpan>>, body: HTMLElement): string {
  const texts: Text[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) texts.push(node as Text);
    node.childNodes.forEach(walk);
  };
  walk(body);
  const from = texts.indexOf(span.start.node);
  const to = texts.indexOf(span.end.node);
  if (from === to) return span.start.node.data.slice(span.start.offset, span.end.offset);
  let out = span.start.node.data.slice(span.start.offset);
  for (let i = from + 1; i < to; i++) out += texts[i]!.data;
  return out + span.end.node.data.slice(0, span.end.offset);
}

describe('buildLiveText', () => {
  test.each([
    ['collapses whitespace across nodes', '<p>  Hello,\n   <b>world</b>  again </p>', 'Hello, world again'],
    ['reads <br> as a space', '<p>one<br>two</p>', 'one two'],
    ['skips scripts, styles and our tooltip host', '<p>a<script>x()</script><style>p{}</style> b</p><parallax-tooltip>tip</parallax-tooltip>', 'a b'],
    ['drops soft hyphens and zero-width spaces', '<p>ab\u00adc\u200bd</p>', 'abcd'],
    ['treats no-break spaces as spaces', '<p>a\u00a0\u00a0b</p>', 'a b'],
  ])('%s', async (_name, html, expected) => {
    expect((await buildLiveText(bodyOf(html), budget(), 1e6)).text).toBe(expected);
  });

  test('maps a sentence split across a link, <em> and <span>s back to whole DOM positions', async () => {
    const body = bodyOf('<p>The adviser, <a href="#">Yuri <em>Ushakov</em></a>, said. <span>Dmitri S.</span> <span>Peskov</span> denied it.</p>');
    const live = await buildLiveText(body, budget(), 1e6);
    for (const sentence of ['The adviser, Yuri Ushakov, said.', 'Dmitri S. Peskov denied it.']) {
      const start = live.text.indexOf(sentence);
      const span = domSpan(live, start, start + sentence.length)!;
      expect(rawText(span, body)).toBe(sentence);
    }
  });

  test('stops with PageTooLargeError past the limit', async () => {
    await expect(buildLiveText(bodyOf(`<p>${'word '.repeat(1000)}</p>`), budget(), 100)).rejects.toBeInstanceOf(PageTooLargeError);
  });

  test('gives up when its run is abandoned', async () => {
    const controller = new AbortController();
    controller.abort();
    const spentAlways = { ...createBudget(controller.signal, 0), spent: () => true };
    const html = '<p>x</p>'.repeat(500);
    await expect(buildLiveText(bodyOf(html), spentAlways, 1e6)).rejects.toThrow();
  });
});
