// The import's progress line names the file isolated: an override in the name cannot reorder "Checking …".
import { render } from 'preact';
import { expect, test } from 'vitest';
import { useAppRoot } from '@/components/shared/test-dom';
import { ProgressBar } from './ProgressBar';

const dom = useAppRoot();

test('a file name holding U+202E follows the label in order, isolated, and the bar is labelled without the override', () => {
  render(<ProgressBar label="Checking" name={'\u202Egnp.exe.jsonl'} done={1} total={4} />, dom.root);
  const label = dom.root.querySelector('[data-testid="import-progress"] span')!;
  expect(label.textContent).toBe('Checking gnp.exe.jsonl');
  expect(label.querySelector('bdi')?.textContent).toBe('gnp.exe.jsonl');
  expect(dom.root.querySelector('progress')?.getAttribute('aria-label')).toBe('Checking gnp.exe.jsonl');
});

test('without a name the label is the whole line', () => {
  render(<ProgressBar label="Reading feeds (2 of 5)" done={2} total={5} />, dom.root);
  expect(dom.root.querySelector('[data-testid="import-progress"] span')?.textContent).toBe('Reading feeds (2 of 5)');
  expect(dom.root.querySelector('bdi')).toBeNull();
  expect(dom.root.querySelector('progress')?.getAttribute('aria-label')).toBe('Reading feeds (2 of 5)');
});
