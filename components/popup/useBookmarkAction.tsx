import { useState } from 'react';
import { useT } from '@/components/i18n';
import { bookmarkErrorText } from './errors';

/**
 * Runs a bookmark or folder edit and keeps its refusal as a sentence for the seller (cleared by the next
 * success). Every organize form and button of the popup goes through this.
 */
export function useBookmarkAction(): {
  error: string | null;
  run(action: () => Promise<unknown>, after?: () => void): Promise<void>;
} {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, after?: () => void) => {
    try {
      await action();
      setError(null);
      after?.();
    } catch (e) {
      setError(bookmarkErrorText(t, e));
    }
  };
  return { error, run };
}

/** The refusal of the last edit, announced to screen readers. */
export function ActionError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="sn-popup__error">
      {error}
    </p>
  ) : null;
}
