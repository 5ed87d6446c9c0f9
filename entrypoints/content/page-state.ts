// The page's state on <html data-parallax-state>, which tests and users' scripts rely on.
export type PageState = 'working' | 'no-article' | 'no-coverage' | 'ready' | 'error';

export function setPageState(state: PageState, error?: string, root: HTMLElement = document.documentElement): void {
  root.dataset.parallaxState = state;
  if (state === 'error' && error) root.dataset.parallaxError = error;
  else delete root.dataset.parallaxError;
}
