// The one-line outcome of an action on the options page ("Removed …", "Imported …"). Its text is
// markup, not a string, so that names from files and feeds go in a SourceText and cannot reorder
// the sentence around them.
import type { ComponentChildren } from 'preact';

export interface Notice {
  kind: 'ok' | 'error';
  text: ComponentChildren;
}

export function NoticeLine({ notice, testId }: { notice: Notice; testId: string }) {
  return (
    <p class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {notice.text}
    </p>
  );
}
