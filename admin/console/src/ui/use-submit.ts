// A form's sending state: busy while the request is out (so it is not sent
// twice), and the server's refusal to show beside the fields it names.
import { useState } from 'preact/hooks';

export function useSubmit() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (send: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await send();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}
