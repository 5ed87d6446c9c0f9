// The options page against a fake browser API (linkedom): corpora list, import check and
// import, removal with confirmation, settings saved on change.
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, test } from 'vitest';
import { useAppRoot } from '@/components/shared/test-dom';
import { validateCorpusFile, type ImportedCorpus } from '@/lib/import/records';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { OptionsApp } from './OptionsApp';
import { problemsTsv } from './ImportReportView';
import type { OptionsApi, StorageReport } from './types';

const dom = useAppRoot();

const settle = async () => {
  for (let i = 0; i < 5; i++) await act(() => new Promise((done) => setTimeout(done, 0)));
};
const q = (selector: string) => dom.root.querySelector(selector);
const all = (selector: string) => [...dom.root.querySelectorAll(selector)];
const text = (selector: string) => (q(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const click = (selector: string) => act(() => void q(selector)!.dispatchEvent(new dom.window.Event('click', { bubbles: true })));

function fakeApi(storage: StorageReport = { usage: 3_200_000, quota: 100_000_000, corpusBytes: 2_900_000, articles: 1200, problem: null }) {
  const imports: ImportedCorpus[] = [];
  const saved: Settings[] = [];
  const checked: string[] = [];
  const api: OptionsApi = {
    async checkFile(file, options) {
      checked.push((file as File).name);
      return validateCorpusFile(await file.text(), options);
    },
    bundledSummary: async () => ({ name: 'seeds', articles: 5, outlets: 3, firstPublished: '2018-04-02', lastPublished: '2018-05-04' }),
    listImports: async () => [...imports],
    takenIds: async () => new Map([['001_4938277a76e1a9f3', 'bundled seeds']]),
    async addImport(input, progress) {
      progress.onProgress?.(4, 9);
      const corpus = { id: `i${imports.length}`, name: input.name, fileName: input.fileName, importedAt: '2026-01-02T00:00:00Z', summary: { name: input.name, ...input.summary } };
      imports.push(corpus);
      return corpus;
    },
    async removeImport(id) {
      imports.splice(imports.findIndex((c) => c.id === id), 1);
    },
    storageUse: async () => storage,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, disabledSites: [] }),
    async saveSettings(settings) {
      saved.push(settings);
    },
  };
  return { api, imports, saved, checked };
}

test('lists corpora, checks a file, imports its valid records and removes them after confirmation', async () => {
  const { api, imports, checked } = fakeApi();
  await act(() => void render(<OptionsApp api={api} />, dom.root));
  await settle();
  expect(text('[data-testid="corpus-bundled"]')).toBe('seedsBundled5 articles3 outlets2 Apr – 4 May 2018');
  expect(text('[data-testid="privacy"]')).toMatch(/Nothing about the pages you read/);

  const input = q('[data-testid="import-file"]') as HTMLInputElement;
  const file = new File([readFileSync(new URL('../../tests/fixtures/import/eastport-flood.jsonl', import.meta.url), 'utf8')], 'eastport-flood.jsonl');
  Object.defineProperty(input, 'files', { value: [file] });
  await act(() => void input.dispatchEvent(new dom.window.Event('change', { bubbles: true })));
  await settle();
  // The page hands the file to the API's check (a worker in the extension) instead of parsing it itself.
  expect(checked).toEqual(['eastport-flood.jsonl']);
  expect(all('[data-testid="import-problem"] td:first-child').map((td) => td.textContent)).toEqual(['line 3', 'line 5']);
  expect(text('[data-testid="import-valid-count"]')).toBe('4 valid records');
  expect((q('#import-name') as HTMLInputElement).value).toBe('eastport-flood');

  await click('[data-testid="import-confirm"]');
  await settle();
  expect(text('[data-testid="import-done"]')).toBe('Imported “eastport-flood”: 4 articles from 3 outlets. Parallax now compares pages with it too.');
  expect(imports).toHaveLength(1);
  expect(text('[data-testid="corpus-imported"]')).toMatch(/^eastport-flood.*4 articles3 outlets20 Feb – 13 Mar 2024Remove$/);

  await click('[data-testid="corpus-remove"]');
  expect(q('[data-testid="corpus-remove-confirm"]')).not.toBeNull();
  await click('[data-testid="corpus-remove-confirm"]');
  await settle();
  expect(imports).toHaveLength(0);
  expect(q('[data-testid="corpus-imported"]')).toBeNull();
  expect(text('[data-testid="corpora-notice"]')).toBe('Removed “eastport-flood”.');
});

test('an import named with a right-to-left override: the "Imported" and "Removed" notices keep their words in order, the name isolated', async () => {
  const { api } = fakeApi();
  await act(() => void render(<OptionsApp api={api} />, dom.root));
  await settle();
  const input = q('[data-testid="import-file"]') as HTMLInputElement;
  const file = new File([readFileSync(new URL('../../tests/fixtures/import/eastport-flood.jsonl', import.meta.url), 'utf8')], '\u202Edoolf-tropstae.jsonl');
  Object.defineProperty(input, 'files', { value: [file] });
  await act(() => void input.dispatchEvent(new dom.window.Event('change', { bubbles: true })));
  await settle();
  await click('[data-testid="import-confirm"]');
  await settle();
  // Without the isolation, U+202E would show the rest of the sentence reversed after the name.
  expect(text('[data-testid="import-done"]')).toBe('Imported “doolf-tropstae”: 4 articles from 3 outlets. Parallax now compares pages with it too.');
  expect(q('[data-testid="import-done"] bdi')?.textContent).toBe('doolf-tropstae');
  // The Remove buttons' labels (attributes, no <bdi>) name it without the override.
  expect(q('[data-testid="corpus-remove"]')?.getAttribute('aria-label')).toBe('Remove doolf-tropstae');

  await click('[data-testid="corpus-remove"]');
  expect(q('.corpus-confirm')?.getAttribute('aria-label')).toBe('Remove doolf-tropstae?');
  await click('[data-testid="corpus-remove-confirm"]');
  await settle();
  expect(text('[data-testid="corpora-notice"]')).toBe('Removed “doolf-tropstae”.');
  expect(q('[data-testid="corpora-notice"] bdi')?.textContent).toBe('doolf-tropstae');
});

test('every settings change is saved at once', async () => {
  const { api, saved } = fakeApi();
  await act(() => void render(<OptionsApp api={api} />, dom.root));
  await settle();
  const radio = q('#set-run-click') as HTMLInputElement;
  radio.checked = true;
  await act(() => void radio.dispatchEvent(new dom.window.Event('change', { bubbles: true })));
  await settle();
  expect(saved.at(-1)).toEqual({ ...DEFAULT_SETTINGS, run: 'click', disabledSites: [] });
  expect(text('[data-testid="settings-saved"]')).toBe('Saved.');
});

test('every problem of a check is listed: a page at a time, and all of them in the download', async () => {
  const { api } = fakeApi();
  await act(() => void render(<OptionsApp api={api} />, dom.root));
  await settle();
  // 249 lines of one kind, then one of another kind at the very end (never "of the same kinds").
  const lines = [...Array.from({ length: 249 }, (_, i) => `{"id": "r${i}", "outlet": null}`), '{"id": "last", "outlet": null, "text": "Words.", "published": "someday"}'];
  const input = q('[data-testid="import-file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([lines.join('\n')], 'many.jsonl')] });
  await act(() => void input.dispatchEvent(new dom.window.Event('change', { bubbles: true })));
  await settle();
  expect(text('[data-testid="import-problem-count"]')).toBe('250 problems');
  expect(all('[data-testid="import-problem"]')).toHaveLength(100);
  expect(text('[data-testid="problems-range"]')).toBe('Problems 1–100 of 250');
  expect(dom.root.textContent).not.toMatch(/same kinds/);
  await click('[data-testid="problems-next"]');
  await click('[data-testid="problems-next"]');
  expect(text('[data-testid="problems-range"]')).toBe('Problems 201–250 of 250');
  expect((q('[data-testid="problems-next"]') as HTMLButtonElement).disabled).toBe(true);
  const rows = all('[data-testid="import-problem"]').map((tr) => tr.textContent ?? '');
  expect(rows).toHaveLength(50);
  expect(rows.at(-1)).toMatch(/^line 250last"published" must be a date written YYYY-MM-DD/);
  await click('[data-testid="problems-previous"]');
  expect(text('[data-testid="problems-range"]')).toBe('Problems 101–200 of 250');
  expect(text('[data-testid="problems-download"]')).toBe('Download all 250 problems');
});

test('the download holds every problem, one a line', () => {
  const tsv = problemsTsv([
    { where: 'line 1', position: 1, id: 'a\tb', reason: 'x' },
    { where: 'line 2', position: 2, reason: 'not valid JSON\n(at 3)' },
  ]);
  expect(tsv).toBe('where\tid\twhy\nline 1\ta b\tx\nline 2\t\tnot valid JSON (at 3)\n');
});

test('the storage used is shown under Corpora, with a warning near the quota and the last write that did not fit', async () => {
  const { api } = fakeApi();
  await act(() => void render(<OptionsApp api={api} />, dom.root));
  await settle();
  expect(text('[data-testid="storage-use"]')).toBe('Stored corpora: 2.8 MB for 1,200 articles. Parallax uses 3.1 MB of the 95 MB this browser allows it (3%).');
  expect(q('[data-testid="storage-near-quota"]')).toBeNull();
  expect(q('[data-testid="storage-problem"]')).toBeNull();
  render(null, dom.root);

  const full = fakeApi({ usage: 85_000_000, quota: 100_000_000, corpusBytes: 80_000_000, articles: 40_000, problem: { at: '2026-12-02T09:15:00Z', message: 'The browser has no more storage space for Parallax, so the new articles were not saved.' } });
  await act(() => void render(<OptionsApp api={full.api} />, dom.root));
  await settle();
  expect(text('[data-testid="storage-near-quota"]')).toMatch(/^Storage is nearly full \(85% used\)\. When it is full, new articles .* cannot be saved \(what you have stays\)\./);
  expect(text('[data-testid="storage-problem"]')).toMatch(/The browser has no more storage space for Parallax/);
  expect(q('[role="meter"]')?.getAttribute('aria-valuenow')).toBe('85');
});

test('a browser that gives no estimate still shows what the corpus takes', async () => {
  const { api } = fakeApi({ usage: null, quota: null, corpusBytes: 512, articles: 1, problem: null });
  await act(() => void render(<OptionsApp api={api} />, dom.root));
  await settle();
  expect(text('[data-testid="storage-use"]')).toBe('Stored corpora: 512 B for 1 article. This browser does not say how much space it allows.');
  expect(q('[role="meter"]')).toBeNull();
});
