// The frame around every page: a skip link, who is signed in, the pages their
// role may open, and signing out.
import type { ComponentChildren } from 'preact';
import type { Me } from './api';
import { followLink, href, useLocation } from './router';
import { roleName } from './session';

interface NavItem {
  path: string;
  label: string;
}

export function navFor(me: Me): NavItem[] {
  const c = me.centre;
  if (me.role === 'invigilator' && c) return [{ path: `/centres/${c}/sessions`, label: 'Sessions' }];
  if (me.role === 'centre_admin' && c) {
    return [
      { path: `/centres/${c}/sessions`, label: 'Sessions' },
      { path: `/centres/${c}/candidates`, label: 'Candidates' },
      { path: `/centres/${c}/results`, label: 'Results' },
      { path: '/certificates', label: 'Certificates' },
      { path: '/audit', label: 'Audit trail' },
      { path: `/centres/${c}/staff`, label: 'Staff' },
    ];
  }
  return [
    { path: '/centres', label: 'Centres' },
    { path: '/bank', label: 'Item bank' },
    { path: '/certificates', label: 'Certificates' },
    { path: '/audit', label: 'Audit trail' },
  ];
}

export function Link(props: { to: string; children: ComponentChildren; class?: string; current?: boolean }) {
  return (
    <a
      href={href(props.to)}
      class={props.class}
      aria-current={props.current ? 'page' : undefined}
      onClick={(e) => followLink(e, props.to)}
    >
      {props.children}
    </a>
  );
}

export function Frame(props: { me: Me; onSignOut: () => void; children: ComponentChildren }) {
  const loc = useLocation();
  const items = navFor(props.me);
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to the main content
      </a>
      <header class="masthead">
        <div class="masthead-inner">
          <Link to="/" class="brand">
            Staff console
          </Link>
          <p class="who">
            <span class="who-name">{props.me.display_name || props.me.username}</span>
            <span class="who-role">{roleName(props.me.role)}</span>
          </p>
          <button type="button" class="secondary sign-out" onClick={props.onSignOut}>
            Sign out
          </button>
        </div>
        <nav aria-label="Console" class="nav">
          <ul>
            {items.map((i) => (
              <li key={i.path}>
                <Link to={i.path} current={loc.path === i.path || loc.path.startsWith(i.path + '/')}>
                  {i.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} class="main">
        {props.children}
      </main>
    </>
  );
}
