import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { MAX_AUTO_RERUNS, SUBSTANTIAL_TEXT, changesNeedRun, type LastRun, type PageChanges } from './page-watch';

const { document } = parseHTML('<html><body><header id="clock">12:00</header><article id="a"><p id="p">Story text.</p></article><aside id="ad">Ad</aside></body></html>');
const byId = (id: string) => document.getElementById(id) as unknown as Node;
const text = (root: Node) => root.textContent ?? '';
const changes = (targets: Node[], addedText = 0): PageChanges => ({ targets: new Set(targets), addedText });
const analyzed: LastRun = { state: 'ready', articleRoot: byId('a'), articleText: 'Story text.', autoReruns: 0 };

describe('changesNeedRun', () => {
  test.each([
    ['a ticking clock outside the article', analyzed, changes([byId('clock')]), false],
    ['an ad swapped beside the article', analyzed, changes([byId('ad')], 5000), false],
    ['the article touched but its text unchanged (a class or an image)', analyzed, changes([byId('p')]), false],
    ['the article’s text changed', { ...analyzed, articleText: 'Older story text.' }, changes([byId('p')]), true],
    ['no article yet, substantial text added', { state: 'no-article', articleRoot: null, articleText: null, autoReruns: 0 } as LastRun, changes([byId('a')], SUBSTANTIAL_TEXT), true],
    ['no article yet, a little text added', { state: 'no-article', articleRoot: null, articleText: null, autoReruns: 0 } as LastRun, changes([byId('a')], 20), false],
    ['no article yet, re-runs used up', { state: 'no-article', articleRoot: null, articleText: null, autoReruns: MAX_AUTO_RERUNS } as LastRun, changes([byId('a')], SUBSTANTIAL_TEXT), false],
    ['an error page (too large) never re-runs by itself', { state: 'error', articleRoot: null, articleText: null, autoReruns: 0 } as LastRun, changes([byId('a')], 1e6), false],
  ])('%s → %s', (_name, last, batch, expected) => {
    expect(changesNeedRun(last, batch, text)).toBe(expected);
  });

  test('an article root that left the page means the article changed', () => {
    const detached = document.createElement('article') as unknown as Node;
    expect(changesNeedRun({ ...analyzed, articleRoot: detached }, changes([]), text)).toBe(true);
  });
});
