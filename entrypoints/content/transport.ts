// Messages to the background. A stopped MV3 worker or event page is started again by the
// browser on the next message; a send that fails while it restarts is retried, so no answer is
// lost to a restart.
import { browser } from 'wxt/browser';
import type { Message } from '@/lib/messages';

export interface MessageTransport {
  send(message: Message): Promise<unknown>;
}

const RETRY_DELAYS_MS = [250, 1000];

export function runtimeTransport(signal: AbortSignal): MessageTransport {
  return {
    async send(message) {
      for (let attempt = 0; ; attempt++) {
        try {
          const answer: unknown = await browser.runtime.sendMessage(message);
          if (answer !== undefined) return answer;
          throw new Error('the background did not answer');
        } catch (error) {
          const delay = RETRY_DELAYS_MS[attempt];
          if (delay === undefined || signal.aborted) throw error;
          await new Promise((done) => setTimeout(done, delay));
        }
      }
    },
  };
}
