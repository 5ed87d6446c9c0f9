import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/PopupApp';

async function fetchStatus(): Promise<{ version: string }> {
  return (await browser.runtime.sendMessage({ type: 'status' })) as { version: string };
}

render(<PopupApp loadStatus={fetchStatus} />, document.getElementById('app')!);
