// Staff sign-in. After a session expires the page says so and, once signed in
// again, the console carries on at the same address with the drafts it kept.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, describeError, type Me } from '../api';
import { signIn } from '../session';
import { TextInput } from '../ui/forms';
import { Notice } from '../ui/status';

export function SignIn(props: { expired: boolean; onSignedIn: (me: Me) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = 'Sign in: staff console';
    heading.current?.focus();
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError('Enter your username and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await signIn(username.trim(), password);
      props.onSignedIn(me);
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        setError(`Too many attempts. ${err.message}`);
      } else if (err instanceof ApiError && err.status === 401) {
        setError('The username or password is not right.');
      } else {
        setError(describeError(err));
      }
      setBusy(false);
    }
  };
  return (
    <main id="main" class="main sign-in">
      <h1 ref={heading} tabIndex={-1}>
        Sign in to the staff console
      </h1>
      {props.expired && (
        <Notice kind="info">
          Your session has ended. Sign in again to carry on where you were: anything you were typing has been kept.
        </Notice>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      <form onSubmit={submit} noValidate>
        <TextInput
          id="username"
          label="Username"
          value={username}
          onValue={setUsername}
          autoComplete="username"
          autoCapitalize="none"
          spellcheck={false}
        />
        <TextInput
          id="password"
          label="Password"
          type="password"
          value={password}
          onValue={setPassword}
          autoComplete="current-password"
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p class="hint">Candidates sit their test at <a href="/">the test player</a>, not here.</p>
    </main>
  );
}
