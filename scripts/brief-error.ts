/**
 * Why a test failed, in one line: CI keeps only the log's tail, where the
 * reporters' full errors are long gone. Colours out, the first line with
 * text, then up to three more: what was expected and received, or, after a
 * timeout, the error of the step it was waiting on. Clipped by characters,
 * never inside one.
 */
export function briefError(message: string | undefined): string {
  const lines = (message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.trim()).filter(Boolean);
  const detail = lines.slice(1).filter((line) => /^(Expected|Received|Timeout|Error:)/.test(line)).slice(0, 3);
  const brief = [...[lines[0], ...detail].filter(Boolean).join(' | ')];
  return brief.length > 400 ? `${brief.slice(0, 399).join('')}…` : brief.join('');
}
