import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { DeliveryState } from '@/lib/enums';

const TONES = { pending: 'warn', succeeded: 'good', failed: 'bad' } as const;

export async function DeliveryBadge({ state }: { state: DeliveryState }) {
  const t = await getTranslations('webhooks.state');
  return <Badge tone={TONES[state]}>{t(state)}</Badge>;
}
