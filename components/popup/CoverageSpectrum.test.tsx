// The spectrum as the popup draws it, in a linkedom document.
import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { useAppRoot } from '@/components/shared/test-dom';
import { CoverageSpectrum } from './CoverageSpectrum';

const dom = useAppRoot();

const counts = () => Object.fromEntries([...dom.root.querySelectorAll<HTMLElement>('.spectrum-side')].map((li) => [li.dataset.side, Number(li.dataset.count)]));

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
      dom.root,
    );
    expect(counts()).toEqual({ left: 3, center: 0, right: 0, unrated: 1 });
    expect([...dom.root.querySelectorAll('[data-testid="spectrum-missing"]')].map((p) => p.textContent)).toEqual([
      'No centre outlet in your sources covered this.',
      'No right-leaning outlet in your sources covered this.',
    ]);
    expect(dom.root.querySelector('[data-testid="spectrum-credit"]')?.textContent).toContain('AllSides.com (CC BY-NC 4.0), as of October 2019');
    expect(dom.root.querySelector('.side-left .sr-only')?.textContent).toBe(': The New York Times (lean left), The New Yorker (left), NBC News (lean left)');
  });

  test('draws nothing without covering outlets', () => {
    render(<CoverageSpectrum covering={[]} />, dom.root);
    expect(dom.root.querySelector('[data-testid="spectrum"]')).toBeNull();
  });
});
