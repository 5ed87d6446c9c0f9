// The one element Parallax adds to a page: <parallax-tooltip>, a shadow root holding the Preact
// tooltip, placed beside the hovered sentence with floating-ui (above it, or below when there is
// no room; never over it) and kept there while the page scrolls.
import { render } from 'preact';
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { FactTooltip } from '@/components/tooltip/FactTooltip';
import tooltipCss from '@/components/tooltip/tooltip.css?inline';
import type { RelatedCoverage } from '@/lib/result';
import type { DrawnFact } from './highlights';
import { TOOLTIP_HOST } from './hosts';

export { TOOLTIP_HOST };

const FLOAT_CSS = `
.float { position: fixed; top: 0; left: 0; z-index: 2147483647; width: max-content; }
.float[hidden] { display: none; }
`;

export interface Tooltip {
  show(entry: DrawnFact): void;
  hide(): void;
  readonly current: DrawnFact | null;
  /** Whether an event target is inside the tooltip (the pointer moved onto it). */
  contains(target: EventTarget | null): boolean;
  /** What it shows, for the inspect-page message (the page cannot look inside). */
  describe(): TooltipView | null;
}

export interface TooltipView {
  sentenceIndex: number;
  text: string;
  /** The outlet line of each other version. */
  versions: string[];
  /** The card's background colour (a dark page gets a dark card). */
  background: string;
  rect: { top: number; left: number; bottom: number; right: number };
}

function referenceOf(range: Range): VirtualElement {
  const start = range.startContainer;
  const contextElement = start.nodeType === 1 ? (start as Element) : start.parentElement ?? undefined;
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    ...(contextElement ? { contextElement } : {}),
  };
}

/**
 * `related` is the page's related coverage: the tooltip only names it in one line when a related
 * article reports the hovered fact too; the highlighted facts themselves are same-event only.
 */
export async function createTooltip(
  ctx: ContentScriptContext,
  thisOutlet: () => string | null,
  related: () => readonly RelatedCoverage[],
): Promise<Tooltip> {
  let float: HTMLElement | null = null;
  let current: DrawnFact | null = null;
  let stopFollowing: (() => void) | null = null;

  const ui = await createShadowRootUi(ctx, {
    name: TOOLTIP_HOST,
    position: 'inline',
    // Closed: the page's scripts cannot read the other outlets' passages out of it.
    mode: 'closed',
    // Beside <body>, not in it: the page's own layout and selectors never see it.
    anchor: 'html',
    append: 'last',
    css: tooltipCss + FLOAT_CSS,
    onMount(container) {
      float = document.createElement('div');
      float.className = 'float';
      float.hidden = true;
      container.append(float);
      return float;
    },
    onRemove() {
      stopFollowing?.();
      if (float) render(null, float);
    },
  });
  ui.mount();

  const place = (entry: DrawnFact, element: HTMLElement) => {
    void computePosition(referenceOf(entry.range), element, {
      strategy: 'fixed',
      placement: 'top',
      middleware: [
        offset(8),
        flip({ fallbackPlacements: ['bottom'], crossAxis: false }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight }) {
            element.style.setProperty('--parallax-available-height', `${Math.max(96, Math.floor(availableHeight))}px`);
          },
        }),
      ],
    }).then(({ x, y }) => {
      if (current !== entry) return;
      element.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  };

  return {
    show(entry) {
      if (!float) return;
      const element = float;
      stopFollowing?.();
      current = entry;
      render(<FactTooltip fact={entry.fact} thisOutlet={thisOutlet()} related={related()} />, element);
      element.hidden = false;
      element.dataset.sentenceIndex = String(entry.fact.sentence.index);
      stopFollowing = autoUpdate(referenceOf(entry.range), element, () => place(entry, element), { animationFrame: false });
    },
    hide() {
      stopFollowing?.();
      stopFollowing = null;
      current = null;
      if (float) {
        float.hidden = true;
        render(null, float);
      }
    },
    get current() {
      return current;
    },
    contains(target) {
      return target instanceof Node && (target === ui.shadowHost || ui.shadowHost.contains(target));
    },
    describe() {
      const card = current ? float?.querySelector('[data-testid="parallax-tooltip"]') : null;
      if (!current || !card) return null;
      const rect = card.getBoundingClientRect();
      return {
        sentenceIndex: current.fact.sentence.index,
        text: card.textContent ?? '',
        versions: [...card.querySelectorAll('[data-testid="parallax-tooltip-version"] h3')].map((h) => h.textContent ?? ''),
        background: getComputedStyle(card).backgroundColor,
        rect: { top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right },
      };
    },
  };
}
