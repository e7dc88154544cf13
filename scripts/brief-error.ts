/**
 * Why a test failed, in one line: CI keeps only the log's tail, where the
 * reporters' full errors are long gone. Colours out, the first line with
 * text (and the two after it, when it ends in a colon and so introduces
 * them), then up to three more: what was expected and received, or, after a
 * timeout, the error of the step it was waiting on. Clipped by characters,
 * never inside one.
 */
export function briefError(message: string | undefined): string {
  const lines = (message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.trim()).filter(Boolean);
  // A first line that ends in a colon introduces what follows (a spec's own message: "missing from the stored story:").
  const matcher = lines.findIndex((line, at) => at > 0 && /^(expect\(|Expected|Received)/.test(line));
  const introduced = lines[0]?.endsWith(':') ? lines.slice(1, matcher > 0 ? Math.min(matcher, 3) : 3) : [];
  const detail = lines.slice(1 + introduced.length).filter((line) => /^(Expected|Received|Timeout|Error:)/.test(line)).slice(0, 3);
  const brief = [...[lines[0], ...introduced, ...detail].filter(Boolean).join(' | ')];
  return brief.length > 400 ? `${brief.slice(0, 399).join('')}…` : brief.join('');
}
