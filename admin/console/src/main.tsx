// The staff console: sign-in, the frame (who is signed in, what they may
// open), and the pages. What the role and centre may do decides what is
// shown, but the server checks every request: a hidden link is never the
// protection.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Me } from './api';
import { href, match, navigate, useLocation } from './router';
import { confirmUser, signOut, storedUser } from './session';
import { Frame } from './frame';
import { ActivityKeepAlive } from './keep-alive';
import { SignIn } from './pages/sign-in';
import { lazyPage } from './ui/lazy';
import { Loading, Problem } from './ui/status';
import './styles.css';

const Home = lazyPage(() => import('./pages/home'));
const Sessions = lazyPage(() => import('./pages/sessions'));
const SessionDetail = lazyPage(() => import('./pages/session-detail'));
const Room = lazyPage(() => import('./room/room-page'));
const Register = lazyPage(() => import('./pages/print-register'));
const Slips = lazyPage(() => import('./pages/print-slips'));
const Candidates = lazyPage(() => import('./pages/candidates'));
const CandidateImport = lazyPage(() => import('./pages/candidate-import'));
const CandidateDetail = lazyPage(() => import('./pages/candidate-detail'));
const Results = lazyPage(() => import('./pages/results'));
const Certificates = lazyPage(() => import('./pages/certificates'));
const Audit = lazyPage(() => import('./pages/audit'));
const Bank = lazyPage(() => import('./pages/bank'));
const Centres = lazyPage(() => import('./pages/centres'));
const Staff = lazyPage(() => import('./pages/staff'));

type Route = [string, (p: Record<string, string>, me: Me) => preact.JSX.Element];

const routes: Route[] = [
  ['/', (_, me) => <Home me={me} />],
  ['/centres', (_, me) => <Centres me={me} />],
  ['/centres/:centre/sessions', (p, me) => <Sessions me={me} centre={Number(p['centre'])} />],
  ['/centres/:centre/candidates', (p, me) => <Candidates me={me} centre={Number(p['centre'])} />],
  ['/centres/:centre/candidates/import', (p, me) => <CandidateImport me={me} centre={Number(p['centre'])} />],
  ['/centres/:centre/results', (p, me) => <Results me={me} centre={Number(p['centre'])} />],
  ['/centres/:centre/staff', (p, me) => <Staff me={me} centre={Number(p['centre'])} />],
  ['/sessions/:session', (p, me) => <SessionDetail me={me} session={Number(p['session'])} />],
  ['/sessions/:session/room', (p, me) => <Room me={me} session={Number(p['session'])} />],
  ['/sessions/:session/register', (p) => <Register session={Number(p['session'])} />],
  ['/sessions/:session/slips', (p) => <Slips session={Number(p['session'])} />],
  ['/candidates/:candidate', (p, me) => <CandidateDetail me={me} candidate={Number(p['candidate'])} />],
  ['/certificates', (_, me) => <Certificates me={me} />],
  ['/audit', (_, me) => <Audit me={me} />],
  ['/bank', (_, me) => <Bank me={me} />],
];

function Page({ me }: { me: Me }) {
  const loc = useLocation();
  for (const [pattern, view] of routes) {
    const params = match(pattern, loc.path);
    if (!params) continue;
    // Every part named in a path is an id: anything else is no page at all.
    if (Object.values(params).some((v) => !/^[1-9]\d{0,15}$/.test(v))) break;
    return view(params, me);
  }
  return <Problem error={new Error(`There is no page at ${href(loc.path)}.`)} title="Not found" page />;
}

type State = { kind: 'checking' } | { kind: 'signed-out'; expired: boolean } | { kind: 'signed-in'; me: Me };

// Keeps the session while someone is at the keyboard (see keep-alive.ts).
const keepAlive = new ActivityKeepAlive({
  now: () => Date.now(),
  every: (ms, f) => {
    const t = setInterval(f, ms);
    return () => clearInterval(t);
  },
  touch: () => api.get('/api/v1/me'),
});
for (const kind of ['pointerdown', 'keydown', 'wheel'] as const) {
  window.addEventListener(kind, () => keepAlive.activity(), { passive: true, capture: true });
}

function App() {
  const [state, setState] = useState<State>(() =>
    api.signedIn ? { kind: 'checking' } : { kind: 'signed-out', expired: false },
  );
  useEffect(() => {
    api.onExpired(() => setState({ kind: 'signed-out', expired: true }));
    if (!api.signedIn) return;
    confirmUser().then(
      (me) => setState(me ? { kind: 'signed-in', me } : { kind: 'signed-out', expired: true }),
      (e) => {
        // Offline at load: carry on with what this tab knew; the next request will tell.
        const known = storedUser();
        if (!(e instanceof ApiError) && known) setState({ kind: 'signed-in', me: known });
        else setState({ kind: 'signed-out', expired: e instanceof ApiError && e.status === 401 });
      },
    );
  }, []);
  useEffect(() => {
    if (state.kind !== 'signed-in') return undefined;
    keepAlive.activity();
    keepAlive.start();
    return () => keepAlive.end();
  }, [state.kind]);
  if (state.kind === 'checking') return <Loading what="the console" />;
  if (state.kind === 'signed-out') {
    return <SignIn expired={state.expired} onSignedIn={(me) => setState({ kind: 'signed-in', me })} />;
  }
  return (
    <Frame
      me={state.me}
      onSignOut={async () => {
        await signOut();
        setState({ kind: 'signed-out', expired: false });
        navigate('/', true);
      }}
    >
      <Page me={state.me} />
    </Frame>
  );
}

render(<App />, document.getElementById('app')!);
