// What staff were typing, kept in this tab's storage while they type, so a
// session that expires mid-form (or a reload) does not lose it: after signing
// in again the form comes back as it was. A draft is dropped once its form has
// been sent, and all of them when staff sign out on purpose.
import { useState } from 'preact/hooks';

const prefix = 'exam-staff:draft:';

export function useDraft<T extends Record<string, unknown>>(
  key: string,
  initial: T,
): [T, (change: Partial<T>) => void, () => void] {
  const [value, setValue] = useState<T>(() => {
    const stored = sessionStorage.getItem(prefix + key);
    if (stored === null) return initial;
    try {
      return { ...initial, ...(JSON.parse(stored) as Partial<T>) };
    } catch {
      return initial;
    }
  });
  const update = (change: Partial<T>) => {
    setValue((old) => {
      const next = { ...old, ...change };
      sessionStorage.setItem(prefix + key, JSON.stringify(next));
      return next;
    });
  };
  const reset = () => {
    sessionStorage.removeItem(prefix + key);
    setValue(initial);
  };
  return [value, update, reset];
}

export function dropAllDrafts(): void {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const k = sessionStorage.key(i);
    if (k !== null && k.startsWith(prefix)) sessionStorage.removeItem(k);
  }
}
