// Text that comes from pages, imported corpora and feeds (titles, outlets, sentences, URLs, file
// names), shown so it cannot mislead: inside <bdi> its direction is its own and cannot reorder
// the words around it, and the bidi override, embedding and isolate controls are removed so it
// displays in the order it is written ("\u202Egnp.exe" stays "gnp.exe", not "exe.png").

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** The text without bidi override, embedding and isolate controls. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

export function SourceText({ text, class: className }: { text: string; class?: string }) {
  return <bdi class={className}>{withoutBidiControls(text)}</bdi>;
}
