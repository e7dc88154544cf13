/**
 * Calls `leaving` when the page goes to the background (a mobile browser may end a background tab without a
 * pagehide) or goes away (pagehide): what waits to be written or sent must go then. Returns the function that
 * stops listening.
 */
export function whenPageLeaves(leaving: () => void): () => void {
  const onHidden = () => {
    if (document.visibilityState === 'hidden') leaving();
  };
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', leaving);
  return () => {
    document.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('pagehide', leaving);
  };
}
