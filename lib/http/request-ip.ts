import 'server-only';
import { headers } from 'next/headers';
import { getEnv } from '@/lib/env';
import { clientIpFromForwarded } from './client-ip';

/** The client IP of the current request, by the rule in client-ip.ts. The audit log and the throttle both use it. */
export async function getRequestIp(): Promise<string> {
  return clientIpFromForwarded((await headers()).get('x-forwarded-for'), getEnv().TRUST_PROXY_HOPS);
}

export function ipFromHeaders(source: Headers): string {
  return clientIpFromForwarded(source.get('x-forwarded-for'), getEnv().TRUST_PROXY_HOPS);
}
