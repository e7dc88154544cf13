// How long the editor waits for one request before it treats the server as
// unreachable: a save keeps the text and retries (use-story-save.ts), a poll
// tries again on its next tick. Without it a hung server leaves a save
// "saving" forever. The server's own database deadline is a few seconds
// (DATABASE_STATEMENT_TIMEOUT_MS), so this only fires when the server itself hangs.
export const EDITOR_REQUEST_TIMEOUT_MS = 15_000;

export const editorRequestSignal = (): AbortSignal => AbortSignal.timeout(EDITOR_REQUEST_TIMEOUT_MS);
