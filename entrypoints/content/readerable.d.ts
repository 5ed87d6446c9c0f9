// The readerable check alone (a CommonJS module exporting the function), without pulling all of
// Readability into the content script.
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable } from '@mozilla/readability';
  const check: typeof isProbablyReaderable;
  export default check;
}
