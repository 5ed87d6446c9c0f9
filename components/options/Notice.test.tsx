// A notice naming something from a file or feed: the name is isolated (<bdi>) and loses its bidi
// controls, so a right-to-left override in it cannot reverse the rest of the sentence.
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { SourceText } from '@/components/shared/SourceText';
import { NoticeLine } from './Notice';

let root: HTMLElement;
beforeEach(() => {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  Object.assign(globalThis, { window, document, Node: window.Node, Event: window.Event, HTMLElement: window.HTMLElement });
  root = document.getElementById('app') as unknown as HTMLElement;
});
afterEach(() => render(null, root));

const OVERRIDE = '\u202E';

test('SourceText isolates its text and drops bidi overrides, embeddings and isolates', () => {
  render(<SourceText text={`${OVERRIDE}gnp.exe\u2066x\u2069\u202A`} class="name" />, root);
  expect(root.innerHTML).toBe('<bdi class="name">gnp.exex</bdi>');
});

test.each([
  ['ok', 'status'],
  ['error', 'alert'],
] as const)('a %s notice with a name holding U+202E reads in order, the name isolated (role %s)', (kind, role) => {
  render(
    <NoticeLine
      notice={{
        kind,
        text: (
          <>
            Removed “<SourceText text={`${OVERRIDE}eastport-flood`} />”.
          </>
        ),
      }}
      testId="corpora-notice"
    />,
    root,
  );
  const notice = root.querySelector('[data-testid="corpora-notice"]')!;
  expect(notice.textContent).toBe('Removed “eastport-flood”.');
  expect(notice.textContent).not.toContain(OVERRIDE);
  expect(notice.querySelector('bdi')?.textContent).toBe('eastport-flood');
  expect(notice.getAttribute('role')).toBe(role);
  expect(notice.getAttribute('class')).toBe(`notice notice-${kind}`);
});
