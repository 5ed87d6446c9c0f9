import './highlights.css';
import { startInPage } from './in-page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    await startInPage(ctx);
  },
});
