import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { rejectTakenIds } from '@/lib/import/combine';
import { summarizeRecords, type ImportReport } from '@/lib/import/records';
import { ImportReportView } from './ImportReportView';
import { ProgressBar } from './ProgressBar';
import type { OptionsApi } from './types';
import { plural } from '@/components/shared/format';
import { errorMessage } from '@/lib/error-message';
import { SourceText } from '@/components/shared/SourceText';

type Step =
  | { kind: 'pick' }
  | { kind: 'checking'; fileName: string; done: number; total: number }
  | { kind: 'review'; fileName: string; report: ImportReport }
  | { kind: 'importing'; fileName: string; done: number; total: number }
  | { kind: 'done'; message: ComponentChildren }
  | { kind: 'failed'; message: string };

export interface ImportPanelProps {
  api: OptionsApi;
  /** Another import or removal is running: imports wait for it. */
  busy: boolean;
  setBusy: (busy: boolean) => void;
  onImported: () => void;
}

const baseName = (fileName: string) => fileName.replace(/\.(jsonl|ndjson|json|txt)$/i, '') || fileName;

/** Pick a file, see every bad record and why, then import the valid ones or cancel. */
export function ImportPanel({ api, busy, setBusy, onImported }: ImportPanelProps) {
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [name, setName] = useState('');
  const [over, setOver] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const check = async (file: File) => {
    const controller = new AbortController();
    abort.current = controller;
    setBusy(true);
    setStep({ kind: 'checking', fileName: file.name, done: 0, total: 1 });
    try {
      const report = await api.checkFile(file, {
        signal: controller.signal,
        onProgress: (done, total) => setStep({ kind: 'checking', fileName: file.name, done, total }),
      });
      const checked = rejectTakenIds(report, await api.takenIds());
      setName(baseName(file.name));
      setStep({ kind: 'review', fileName: file.name, report: checked });
    } catch (error) {
      setStep(controller.signal.aborted ? { kind: 'pick' } : { kind: 'failed', message: `The file could not be read: ${String(error)}` });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const runImport = async (fileName: string, report: ImportReport) => {
    const corpusName = name.trim() || baseName(fileName);
    setBusy(true);
    setStep({ kind: 'importing', fileName, done: 0, total: 1 });
    try {
      const { articles, outlets, firstPublished, lastPublished } = summarizeRecords(report.records);
      await api.addImport(
        { name: corpusName, fileName, records: report.records, summary: { articles, outlets, firstPublished, lastPublished } },
        { onProgress: (done, total) => setStep({ kind: 'importing', fileName, done, total }) },
      );
      setStep({
        kind: 'done',
        message: (
          <>
            Imported “<SourceText text={corpusName} />”: {plural(articles, 'article')} from {plural(outlets, 'outlet')}. Parallax now compares pages with it too.
          </>
        ),
      });
      onImported();
    } catch (error) {
      setStep({ kind: 'failed', message: `Nothing was imported: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const picker = (
    <div
      class={`picker drop-zone${over ? ' is-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (!busy) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (file && !busy) void check(file);
      }}
    >
      <label class="btn btn-primary" for="import-file">
        Choose a file…
      </label>
      <input
        ref={input}
        id="import-file"
        class="file-input"
        type="file"
        accept=".jsonl,.ndjson,.json,application/json,application/x-ndjson"
        disabled={busy}
        data-testid="import-file"
        onChange={(e) => {
          const file = (e.currentTarget as HTMLInputElement).files?.[0];
          if (file) void check(file);
        }}
      />
      <span class="muted">or drop it here: JSON Lines (one article a line) or a JSON array of records.</span>
    </div>
  );

  switch (step.kind) {
    case 'pick':
      return picker;
    case 'checking':
      return (
        <div class="import-step">
          <ProgressBar label="Checking" name={step.fileName} done={step.done} total={step.total} />
          <button type="button" class="btn" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </div>
      );
    case 'review': {
      const valid = step.report.records.length;
      return (
        <div class="import-step">
          <ImportReportView report={step.report} fileName={step.fileName} />
          {valid > 0 && (
            <div class="field">
              <label for="import-name">Name this corpus</label>
              <input id="import-name" type="text" value={name} maxLength={80} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
            </div>
          )}
          <div class="actions">
            {valid > 0 ? (
              <button type="button" class="btn btn-primary" data-testid="import-confirm" disabled={busy} onClick={() => void runImport(step.fileName, step.report)}>
                Import {plural(valid, 'valid record')}
              </button>
            ) : (
              <p class="text-error">No record in this file can be imported.</p>
            )}
            <button type="button" class="btn" data-testid="import-cancel" onClick={() => setStep({ kind: 'pick' })}>
              Cancel
            </button>
          </div>
        </div>
      );
    }
    case 'importing':
      return (
        <div class="import-step">
          <ProgressBar label="Compiling" name={step.fileName} done={step.done} total={step.total} />
        </div>
      );
    case 'done':
      return (
        <div class="import-step">
          <p class="notice notice-ok" role="status" data-testid="import-done">
            {step.message}
          </p>
          {picker}
        </div>
      );
    case 'failed':
      return (
        <div class="import-step">
          <p class="notice notice-error" role="alert">
            {step.message}
          </p>
          {picker}
        </div>
      );
  }
}
