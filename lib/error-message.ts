// What the extension says of a failure, wherever it is caught (background, content script,
// workers, views), in one wording: the error's message, or what was thrown, as a string, when it
// is not an Error.
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
