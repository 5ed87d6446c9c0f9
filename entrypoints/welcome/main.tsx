// The first-run page (opened once on install; also from the options and the popup).
import { render } from 'preact';
import { WelcomeApp } from '@/components/welcome/WelcomeApp';
import { browserWelcomeApi } from '@/components/welcome/browser-api';
import '@/components/shared/theme.css';

render(<WelcomeApp api={browserWelcomeApi} />, document.getElementById('app')!);
