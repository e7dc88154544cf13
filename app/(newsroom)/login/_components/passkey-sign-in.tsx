'use client';

import { startAuthentication } from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { passkeyOptionsAction, passkeySignInAction } from '../actions';

/** Signs in with a passkey: on the login page instead of the password, on the code page as the second step. */
export function PasskeySignIn({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const signIn = () =>
    startTransition(async () => {
      setError(undefined);
      let response;
      try {
        response = await startAuthentication({ optionsJSON: await passkeyOptionsAction() });
      } catch {
        // The person cancelled, or the device has no passkey for this site.
        setError('passkeys.cancelled');
        return;
      }
      // On success the action redirects; it returns only to report a refusal.
      const outcome = await passkeySignInAction(response, callbackUrl);
      if (outcome?.error) setError(outcome.error);
    });
  return (
    <div className="space-y-2">
      {/* An alert, not a second status region: the sign-in form above keeps the page's one status. */}
      {error && (
        <p role="alert" className="rounded-md border border-accent bg-red-50 px-3 py-2 font-bold text-accent-ink">
          {t(error)}
        </p>
      )}
      <Button type="button" variant="secondary" className="w-full" disabled={pending} onClick={signIn}>
        {t('passkeys.signIn')}
      </Button>
    </div>
  );
}
