'use client';

import { NewsroomErrorMessage } from '@/components/newsroom/error-message';

// A page under the newsroom shell that throws shows this inside the shell, in the staff member's UI language.
export default function NewsroomError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <NewsroomErrorMessage {...props} />;
}
