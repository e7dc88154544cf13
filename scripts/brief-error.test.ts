import { describe, expect, it } from 'vitest';
import { briefError } from './brief-error';

describe('briefError', () => {
  it('keeps the first line and what was expected and received, without colours', () => {
    const message =
      'Error: /technology/x: the first fresh answer was to a request sent 1234 ms after asking\n\n\u001b[2mexpect(\u001b[22m\u001b[31mreceived\u001b[39m\u001b[2m).\u001b[22mtoBeLessThan\n\nExpected: < \u001b[32m1000\u001b[39m\nReceived:   \u001b[31m1234\u001b[39m\n\n  at e2e/newsroom-steps.ts:84:5';
    expect(briefError(message)).toBe(
      'Error: /technology/x: the first fresh answer was to a request sent 1234 ms after asking | Expected: < 1000 | Received:   1234',
    );
  });

  it('keeps, after a timeout, the step it was waiting on', () => {
    const message = 'Test timeout of 120000ms exceeded.\nError: locator.click: Test timeout of 120000ms exceeded.\nCall log:\n  - waiting for getByRole(\'link\')';
    expect(briefError(message)).toBe('Test timeout of 120000ms exceeded. | Error: locator.click: Test timeout of 120000ms exceeded.');
  });

  it('keeps what a first line ending in a colon introduces', () => {
    const message = 'Error: sentences typed (الكاتب 14) missing from the stored story:\nlost: «الكاتب ١: خبر عاجل.»\nالكاتب: not even on its page\n\nexpect(received).toEqual(expected) // deep equality\n\n- Expected  - 1';
    expect(briefError(message)).toBe('Error: sentences typed (الكاتب 14) missing from the stored story: | lost: «الكاتب ١: خبر عاجل.» | الكاتب: not even on its page');
  });

  it('says nothing for no message, and clips a long one', () => {
    expect(briefError(undefined)).toBe('');
    expect(briefError('\n\n')).toBe('');
    const long = briefError(`Error: ${'ب'.repeat(1_000)}`);
    expect(long).toHaveLength(400);
    expect(long.endsWith('…')).toBe(true);
    // Clipped between characters: a character outside the BMP is never cut in half.
    const emoji = briefError('😀'.repeat(500));
    expect([...emoji]).toHaveLength(400);
    expect(emoji.at(-2)).toBe('\u{1F600}'.at(-1));
  });
});
