import { createHmac, randomBytes } from 'node:crypto';

// The signature of a webhook body. Pure. The header reads
// `Sahifa-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
// with the hook's secret, so a receiver checks both who sent it and when
// (refusing an old timestamp stops a replay). docs/api.md shows a receiver.

export const SIGNATURE_HEADER = 'sahifa-signature';

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}
