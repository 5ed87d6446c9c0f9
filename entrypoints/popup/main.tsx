import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { parseTabReport, type Message, type TabReport } from '@/lib/messages';
import '@/components/shared/theme.css';
import '@/components/popup/popup.css';

/**
 * The tab the popup is about: the active tab of this window, or `?tabId=N` when the popup is
 * opened as a page (tests, and "open in tab" links).
 */
async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function download(text: string, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox reads the blob after click() returns: free it later, not now.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function main() {
  const tabId = await targetTabId();
  // The content script answers { ok: false } when it cannot do what was asked (sentence not found).
  const toTab = async (message: Message) => {
    if (tabId === null) throw new Error('no tab');
    const reply: unknown = await browser.tabs.sendMessage(tabId, message);
    if (typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === false) throw new Error('the page could not do it');
  };
  const loadReport = async (): Promise<TabReport> => {
    if (tabId === null) return { state: 'no-article' };
    const reply: unknown = await browser.runtime.sendMessage({ type: 'get-tab-result', tabId } satisfies Message);
    const report = parseTabReport(reply);
    if (!report) throw new Error('The background answered with something Parallax does not understand.');
    return report;
  };
  render(
    <PopupApp
      version={browser.runtime.getManifest().version}
      loadReport={loadReport}
      analyzePage={() => toTab({ type: 'analyze-page' })}
      revealSentence={(sentenceIndex) => toTab({ type: 'reveal-sentence', sentenceIndex })}
      openOptions={() => void browser.runtime.openOptionsPage()}
      openWelcome={() => void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') })}
      copy={(text) => navigator.clipboard.writeText(text)}
      download={download}
    />,
    document.getElementById('app')!,
  );
}

void main();
