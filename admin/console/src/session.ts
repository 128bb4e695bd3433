// Who is signed in. The token lives in this tab's sessionStorage (gone when
// the tab closes); the user's name and role come with the sign-in and are
// checked again against /api/v1/me when the console loads.
import { api, type Me } from './api';
import { dropAllDrafts } from './drafts';

const userKey = 'exam-staff:user';

export function storedUser(): Me | null {
  const s = sessionStorage.getItem(userKey);
  if (s === null) return null;
  try {
    return JSON.parse(s) as Me;
  } catch {
    return null;
  }
}

export async function signIn(username: string, password: string): Promise<Me> {
  const reply = await api.post<{ token: string; user: Me }>('/api/v1/auth/login', { username, password });
  api.setToken(reply.token);
  sessionStorage.setItem(userKey, JSON.stringify(reply.user));
  return reply.user;
}

// The signed-in user, confirmed by the server (null when the token is no longer good).
export async function confirmUser(): Promise<Me | null> {
  if (!api.signedIn) return null;
  const me = await api.get<Me>('/api/v1/me');
  const known = storedUser();
  const user = { ...me, display_name: known && known.id === me.id ? known.display_name : me.username };
  sessionStorage.setItem(userKey, JSON.stringify(user));
  return user;
}

export async function signOut(): Promise<void> {
  try {
    await api.post('/api/v1/auth/logout');
  } catch {
    // Signed out here whatever the server says: the token is dropped below.
  }
  api.setToken(null);
  sessionStorage.removeItem(userKey);
  dropAllDrafts();
}

export function roleName(role: string): string {
  if (role === 'ao_admin') return 'Awarding organisation admin';
  if (role === 'centre_admin') return 'Centre admin';
  if (role === 'invigilator') return 'Invigilator';
  return role;
}
