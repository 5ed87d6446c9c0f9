// Checking an import file, off the options page's main thread: reading a large file, JSON.parse
// of every line or of the whole array, and validating every record took the page's thread for
// over a second on a 50 MB file. The page only receives the report.
import { validateCorpusFile, type ImportReport } from '@/lib/import/records';
import { errorMessage } from '@/lib/error-message';

export type CheckRequest = { file: Blob };
export type CheckReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; report: ImportReport }
  | { type: 'error'; message: string };

const post = (reply: CheckReply) => (self as unknown as Worker).postMessage(reply);

self.addEventListener('message', (event: MessageEvent<CheckRequest>) => {
  void (async () => {
    try {
      const text = await event.data.file.text();
      // Nothing to keep responsive in a worker: no pauses, progress per chunk still goes out.
      const report = await validateCorpusFile(text, { chunkSize: 2_000, pause: async () => undefined, onProgress: (done, total) => post({ type: 'progress', done, total }) });
      post({ type: 'done', report });
    } catch (error) {
      post({ type: 'error', message: errorMessage(error) });
    }
  })();
});
