// Highlights drawn in Parallax's own layer: one <parallax-highlights> element beside <body>,
// holding a closed shadow root with a box under each line of each highlighted sentence. The page's
// text and elements are left as they were.
//
// Not the CSS Custom Highlight API: its registry (CSS.highlights) belongs to the document and is
// shared with the page's scripts, which could list the registered ranges and so learn which of
// their sentences the reader's corpora cover. What a page can see of this layer: that the element
// is there, and its box, which is the size of the whole page (its contents are clipped to it, so
// neither its size nor its scroll size says where the boxes are). Boxes take no pointer events,
// so hit-testing (elementFromPoint) goes through them to the page.
import { OVERLAY_HOST } from './hosts';

export type HighlightKind = 'shared' | 'conflict' | 'focus';

export interface LayerRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What the layer shows, in viewport coordinates (for the inspect-page message). */
export interface DrawnHighlight {
  kind: HighlightKind;
  text: string;
  rects: LayerRect[];
}

const LAYER_CSS = `
:host {
  all: initial !important; display: block !important; position: absolute !important;
  top: 0 !important; left: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important;
  overflow: clip !important; pointer-events: none !important; visibility: visible !important;
}
.sheet { position: absolute; inset: 0; pointer-events: none; opacity: 0.42; mix-blend-mode: multiply; }
/* On a dark page a multiplied tint would vanish: lighten instead. */
.sheet.dark { opacity: 0.32; mix-blend-mode: screen; }
.box { position: absolute; pointer-events: none; border-radius: 2px; }
.shared { background: #ffc51f; }
.conflict { background: #ff8a50; box-shadow: inset 0 -2px 0 #c8320a; }
.focus { background: #3d86ff; }
`;

const MIN_SIZE = 1;

function luminance(color: string): number | null {
  const parts = color.match(/[\d.]+/g)?.map(Number);
  if (!parts || parts.length < 3) return null;
  if (parts.length >= 4 && parts[3] === 0) return null;
  const [r, g, b] = parts as [number, number, number];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** Whether the text at `node` sits on a dark background (its nearest painted one). */
function onDarkBackground(node: Node): boolean {
  for (let element = node.nodeType === 1 ? (node as Element) : node.parentElement; element; element = element.parentElement) {
    const value = luminance(getComputedStyle(element).backgroundColor);
    if (value !== null) return value < 0.4;
  }
  const scheme = getComputedStyle(document.documentElement).colorScheme;
  return /dark/.test(scheme) && !/light/.test(scheme);
}

export interface HighlightLayer {
  /** Replaces the shared and conflict boxes (null or empty: none). */
  draw(entries: readonly { kind: 'shared' | 'conflict'; range: Range }[]): void;
  /** Shows a focus box over `range` for `ms` milliseconds. */
  flash(range: Range, ms: number): void;
  /** Measures every box again (the page's layout changed). */
  reposition(): void;
  clear(): void;
  describe(): DrawnHighlight[];
}

export function createHighlightLayer(signal: AbortSignal): HighlightLayer {
  let host: HTMLElement | null = null;
  let sheet: HTMLElement | null = null;
  // The layer's size lives in its own stylesheet: inside the closed root, and above the page's
  // rules (an !important rule of a shadow root's :host wins over the page's !important ones).
  let size: HTMLStyleElement | null = null;
  const setSize = (width: number, height: number) => {
    size!.textContent = `:host { width: ${width}px !important; height: ${height}px !important; }`;
  };
  let entries: { kind: HighlightKind; range: Range }[] = [];
  let focus: { range: Range; timer: number } | null = null;
  let frame = 0;

  const mount = () => {
    if (host?.isConnected && sheet) return sheet;
    host = document.createElement(OVERLAY_HOST);
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = LAYER_CSS;
    size = document.createElement('style');
    sheet = document.createElement('div');
    sheet.className = 'sheet';
    shadow.append(style, size, sheet);
    // Beside <body>, as the tooltip: the page's own layout and selectors never see it.
    document.documentElement.append(host);
    return sheet;
  };

  const all = () => (focus ? [...entries, { kind: 'focus' as const, range: focus.range }] : entries);

  const render = () => {
    frame = 0;
    const shown = all();
    if (!shown.length) {
      host?.remove();
      host = null;
      sheet = null;
      size = null;
      return;
    }
    const target = mount();
    // The layer covers the page: sized to the page's scroll size measured without it.
    setSize(0, 0);
    const root = document.documentElement;
    setSize(root.scrollWidth, root.scrollHeight);
    const origin = host!.getBoundingClientRect();
    const first = shown[0]!.range.startContainer;
    target.classList.toggle('dark', onDarkBackground(first));
    const boxes: HTMLElement[] = [];
    for (const { kind, range } of shown) {
      for (const rect of range.getClientRects()) {
        if (rect.width < MIN_SIZE || rect.height < MIN_SIZE) continue;
        const box = document.createElement('div');
        box.className = `box ${kind}`;
        box.style.left = `${rect.left - origin.left}px`;
        box.style.top = `${rect.top - origin.top}px`;
        box.style.width = `${rect.width}px`;
        box.style.height = `${rect.height}px`;
        boxes.push(box);
      }
    }
    target.replaceChildren(...boxes);
  };

  const schedule = () => {
    if (frame || signal.aborted) return;
    frame = requestAnimationFrame(render);
  };

  // The page's layout moves the text under the boxes: window size, the page's size, fonts, and
  // scrolling inside elements (the document's own scrolling moves the layer with the text).
  const resize = new ResizeObserver(() => schedule());
  resize.observe(document.documentElement);
  if (document.body) resize.observe(document.body);
  const onScroll = (event: Event) => {
    if (event.target !== document && entries.length) schedule();
  };
  window.addEventListener('resize', schedule, { signal });
  document.addEventListener('scroll', onScroll, { capture: true, passive: true, signal });
  document.fonts?.addEventListener('loadingdone', schedule, { signal });

  const stop = () => {
    resize.disconnect();
    if (frame) cancelAnimationFrame(frame);
    if (focus) clearTimeout(focus.timer);
    host?.remove();
    host = null;
  };
  signal.addEventListener('abort', stop, { once: true });

  return {
    draw(next) {
      entries = next.map(({ kind, range }) => ({ kind, range }));
      render();
    },
    flash(range, ms) {
      if (focus) clearTimeout(focus.timer);
      focus = {
        range,
        timer: window.setTimeout(() => {
          focus = null;
          render();
        }, ms),
      };
      render();
    },
    reposition: schedule,
    clear() {
      entries = [];
      if (focus) clearTimeout(focus.timer);
      focus = null;
      render();
    },
    describe() {
      return all().map(({ kind, range }) => ({
        kind,
        text: range.toString().replace(/\s+/g, ' ').trim(),
        rects: [...range.getClientRects()]
          .filter((r) => r.width >= MIN_SIZE && r.height >= MIN_SIZE)
          .map((r) => ({ top: r.top, left: r.left, bottom: r.bottom, right: r.right })),
      }));
    },
  };
}
