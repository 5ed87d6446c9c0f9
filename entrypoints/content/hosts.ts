// The elements Parallax adds to a page, each beside <body> and holding a closed shadow root:
// the page's scripts see that they are there, never what is inside.
/** The hover tooltip. */
export const TOOLTIP_HOST = 'parallax-tooltip';
/** The layer the highlights are drawn in. */
export const OVERLAY_HOST = 'parallax-highlights';
/** Uppercase tag names, as tagOf returns them. */
export const OWN_TAGS: ReadonlySet<string> = new Set([TOOLTIP_HOST.toUpperCase(), OVERLAY_HOST.toUpperCase()]);
