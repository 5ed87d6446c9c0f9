import { browser } from 'wxt/browser';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main() {
    const root = document.documentElement;
    root.dataset.parallaxState = 'working';
    await browser.runtime.sendMessage({ type: 'status' });
  },
});
