import { guardContext } from './context-guard';
import { startInPage } from './in-page';
import { setPageState } from './page-state';
import { errorMessage } from '@/lib/error-message';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would post "content script started" with the extension's id to the page's window.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    guardContext(ctx);
    try {
      await startInPage(ctx);
    } catch (error) {
      // Never throw into the page: report on the state attribute instead.
      setPageState('error', `Parallax could not start: ${errorMessage(error)}`);
    }
  },
});
