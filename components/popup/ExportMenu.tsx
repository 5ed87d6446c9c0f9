import { useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/error-message';

export interface ExportFormat {
  id: 'md' | 'json';
  name: string;
  fileName: string;
  mime: string;
  build: () => string;
}

export interface ExportMenuProps {
  formats: readonly ExportFormat[];
  copy: (text: string) => Promise<void>;
  download: (text: string, fileName: string, mime: string) => void;
}

/** Copy or download the comparison; the outcome is announced to screen readers. */
export function ExportMenu({ formats, copy, download }: ExportMenuProps) {
  const [message, setMessage] = useState('');
  const details = useRef<HTMLDetailsElement>(null);
  const done = (text: string) => {
    setMessage(text);
    if (details.current) details.current.open = false;
  };
  return (
    <div class="export">
      <details ref={details} class="menu">
        <summary class="btn">Export</summary>
        <div class="menu-items">
          {formats.map((f) => (
            <div key={f.id} class="menu-row">
              <span class="menu-label">{f.name}</span>
              <button
                type="button"
                class="btn"
                data-testid={`copy-${f.id}`}
                onClick={() =>
                  copy(f.build()).then(
                    () => done(`${f.name} copied to the clipboard.`),
                    (e: unknown) => done(`Could not copy: ${errorMessage(e)}`),
                  )
                }
              >
                Copy
              </button>
              <button
                type="button"
                class="btn"
                data-testid={`download-${f.id}`}
                onClick={() => {
                  download(f.build(), f.fileName, f.mime);
                  done(`Saved ${f.fileName}.`);
                }}
              >
                Download
              </button>
            </div>
          ))}
        </div>
      </details>
      <span class="export-status" role="status" data-testid="export-status">
        {message}
      </span>
    </div>
  );
}
