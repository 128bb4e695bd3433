// Where the console opens: each role's first page.
import { useEffect } from 'preact/hooks';
import type { Me } from '../api';
import { navFor } from '../frame';
import { navigate } from '../router';

export default function Home({ me }: { me: Me }) {
  useEffect(() => {
    const first = navFor(me)[0];
    if (first) navigate(first.path, true);
  }, [me]);
  return null;
}
