// Only the extension can stop this content script. WXT's ContentScriptContext stops a copy of a
// content script when a document event named "<extension id>:content:wxt:content-script-started"
// says a newer copy started, and announces each start to the page with window.postMessage. The
// name is no secret (the id is public, and the message tells it to any page), so a page could
// dispatch that event and switch Parallax off. The announcement is off (index.ts), the event is
// ignored, and an earlier copy in this frame is stopped through this script's own global object,
// which the page's scripts cannot reach (an isolated world in Chromium, a sandbox in Firefox).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const STOP_EARLIER_COPY = '__parallaxStopEarlierCopy';

type OwnGlobal = { [STOP_EARLIER_COPY]?: () => void };

export function guardContext(ctx: ContentScriptContext, scope: OwnGlobal = globalThis as OwnGlobal): void {
  ctx.verifyScriptStartedEvent = () => false;
  scope[STOP_EARLIER_COPY]?.();
  const stop = () => ctx.notifyInvalidated();
  scope[STOP_EARLIER_COPY] = stop;
  ctx.onInvalidated(() => {
    if (scope[STOP_EARLIER_COPY] === stop) delete scope[STOP_EARLIER_COPY];
  });
}
