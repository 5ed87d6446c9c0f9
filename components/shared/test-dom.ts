// Component tests render into a linkedom document made afresh for each test: no browser, and
// nothing one test rendered is left for the next.
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

export interface AppRoot {
  /** The element the test renders into (#app). */
  readonly root: HTMLElement;
  readonly window: Window & typeof globalThis;
}

/** Before each test a new document holding an empty #app (a `tag` element); after it, what was rendered there is unmounted. */
export function useAppRoot(tag = 'div'): AppRoot {
  let root: HTMLElement | undefined;
  let win: (Window & typeof globalThis) | undefined;
  beforeEach(() => {
    const { window, document } = parseHTML(`<!doctype html><html><body><${tag} id="app"></${tag}></body></html>`);
    Object.assign(globalThis, { window, document, Node: window.Node, Event: window.Event, HTMLElement: window.HTMLElement });
    win = window as unknown as Window & typeof globalThis;
    root = document.getElementById('app') as unknown as HTMLElement;
  });
  afterEach(() => render(null, root!));
  return {
    get root() {
      return root!;
    },
    get window() {
      return win!;
    },
  };
}
