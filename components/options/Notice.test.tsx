// A notice naming something from a file or feed: the name is isolated (<bdi>) and loses its bidi
// controls, so a right-to-left override in it cannot reverse the rest of the sentence.
import { render } from 'preact';
import { expect, test } from 'vitest';
import { useAppRoot } from '@/components/shared/test-dom';
import { SourceText } from '@/components/shared/SourceText';
import { NoticeLine } from './Notice';

const dom = useAppRoot();

const OVERRIDE = '\u202E';

test('SourceText isolates its text and drops bidi overrides, embeddings and isolates', () => {
  render(<SourceText text={`${OVERRIDE}gnp.exe\u2066x\u2069\u202A`} class="name" />, dom.root);
  expect(dom.root.innerHTML).toBe('<bdi class="name">gnp.exex</bdi>');
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
    dom.root,
  );
  const notice = dom.root.querySelector('[data-testid="corpora-notice"]')!;
  expect(notice.textContent).toBe('Removed “eastport-flood”.');
  expect(notice.textContent).not.toContain(OVERRIDE);
  expect(notice.querySelector('bdi')?.textContent).toBe('eastport-flood');
  expect(notice.getAttribute('role')).toBe(role);
  expect(notice.getAttribute('class')).toBe(`notice notice-${kind}`);
});
