import { browser } from 'wxt/browser';
import { parseMessage } from '@/lib/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    // Only this extension's own pages and content scripts may talk to the background.
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseMessage(raw);
    if (!message) return undefined;
    switch (message.type) {
      case 'status':
        return Promise.resolve({ ok: true, version: browser.runtime.getManifest().version });
      default:
        return undefined;
    }
  });
});
