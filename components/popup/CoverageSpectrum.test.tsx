// The spectrum as the popup draws it, in a linkedom document.
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CoverageSpectrum } from './CoverageSpectrum';

let root: HTMLElement;
beforeEach(() => {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  Object.assign(globalThis, { window, document, Node: window.Node, Event: window.Event, HTMLElement: window.HTMLElement });
  root = document.getElementById('app') as unknown as HTMLElement;
});
afterEach(() => render(null, root));

const counts = () => Object.fromEntries([...root.querySelectorAll<HTMLElement>('.spectrum-side')].map((li) => [li.dataset.side, Number(li.dataset.count)]));

describe('CoverageSpectrum', () => {
  test('counts outlets per side, names the missing side and credits AllSides with the date', () => {
    render(
      <CoverageSpectrum
        covering={[
          { outlet: 'The New York Times', url: null },
          { outlet: 'The New Yorker', url: null },
          { outlet: 'NBC News', url: 'https://www.nbcnews.com/news/amp/ncna861966' },
          { outlet: 'Harbor Gazette', url: 'http://127.0.0.1:9/a' },
        ]}
      />,
      root,
    );
    expect(counts()).toEqual({ left: 3, center: 0, right: 0, unrated: 1 });
    expect([...root.querySelectorAll('[data-testid="spectrum-missing"]')].map((p) => p.textContent)).toEqual([
      'No centre outlet in your sources covered this.',
      'No right-leaning outlet in your sources covered this.',
    ]);
    expect(root.querySelector('[data-testid="spectrum-credit"]')?.textContent).toContain('AllSides.com (CC BY-NC 4.0), as of October 2019');
    expect(root.querySelector('.side-left .sr-only')?.textContent).toBe(': The New York Times (lean left), The New Yorker (left), NBC News (lean left)');
  });

  test('draws nothing without covering outlets', () => {
    render(<CoverageSpectrum covering={[]} />, root);
    expect(root.querySelector('[data-testid="spectrum"]')).toBeNull();
  });
});
