// The exam-server API as the staff console uses it: JSON over fetch with the
// signed-in user's token as a bearer header (never in a URL), and errors as
// values a page can word for staff. A 401 anywhere means the session is over:
// the console returns to sign-in (see session.ts), keeping the page's drafts.

export type Role = 'ao_admin' | 'centre_admin' | 'invigilator';

export interface Me {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  centre?: number | null;
  active?: boolean;
}

export interface Centre {
  id: number;
  number: string;
  name: string;
}

export interface StaffUser {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  centre?: number | null;
  active: boolean;
}

export interface Candidate {
  id: number;
  centre: number;
  candidate_number: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  uln: string;
  extra_time_percent: number;
  registrations?: string[];
}

export interface TestSession {
  id: number;
  centre: number;
  unit: string;
  starts_at: string;
  ends_at: string;
  room: string;
  status: 'scheduled' | 'open' | 'closed' | string;
  invigilators: number[];
}

export interface Booking {
  id: number;
  session: number;
  candidate: number;
  keycode: string;
  admitted_at?: string | null;
}

export interface RowProblem {
  line?: number; // a CSV file's line
  index?: number; // a JSON list's position
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
    readonly rows: RowProblem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

// No answer at all: the network is down or the server unreachable.
export class OfflineError extends Error {}

type ExpiredListener = () => void;

export interface RequestOptions {
  body?: unknown;
  // A raw body (CSV, a certificate file) sent as it is with this content type.
  raw?: { type: string; text: string };
  accept?: string;
}

class Api {
  private token: string | null = sessionStorage.getItem('exam-staff:token');
  private expiredListeners: ExpiredListener[] = [];

  get signedIn(): boolean {
    return this.token !== null;
  }

  setToken(token: string | null): void {
    this.token = token;
    if (token === null) sessionStorage.removeItem('exam-staff:token');
    else sessionStorage.setItem('exam-staff:token', token);
  }

  // The token, for the live feed's first message (WebSockets carry no headers).
  currentToken(): string | null {
    return this.token;
  }

  onExpired(listener: ExpiredListener): void {
    this.expiredListeners.push(listener);
  }

  async send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.token !== null) headers['authorization'] = `Bearer ${this.token}`;
    if (options.accept) headers['accept'] = options.accept;
    const init: RequestInit = { method, headers, cache: 'no-store' };
    if (options.raw) {
      headers['content-type'] = options.raw.type;
      init.body = options.raw.text;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      response = await fetch(path, init);
    } catch {
      throw new OfflineError('The server cannot be reached: check the network and try again.');
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    let parsed: { error?: Record<string, unknown> } | null = null;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = null;
    }
    const error = parsed?.error ?? {};
    const code = typeof error['code'] === 'string' ? error['code'] : 'http_' + response.status;
    if (response.status === 401 && path !== '/api/v1/auth/login') {
      this.setToken(null);
      for (const l of this.expiredListeners) l();
    }
    throw new ApiError(
      response.status,
      code,
      typeof error['message'] === 'string' ? error['message'] : `The server answered ${response.status}.`,
      typeof error['field'] === 'string' ? error['field'] : null,
      Array.isArray(error['rows']) ? (error['rows'] as RowProblem[]) : [],
      error,
    );
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    const text = await response.text();
    return (text === '' ? null : JSON.parse(text)) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }
  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, { body });
  }
  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, { body });
  }
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, { body });
  }

  // A file from the API (CSV, a certificate) as text with its suggested name.
  async download(path: string, accept: string): Promise<{ text: string; type: string }> {
    const response = await this.send('GET', path, { accept });
    return { text: await response.text(), type: response.headers.get('content-type') ?? accept };
  }
}

export const api = new Api();

// Words for an error that staff can act on.
export function describeError(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 404) return `Not found, or not yours to see: ${e.message}`;
    if (e.status === 403) return `You are not allowed to do this: ${e.message}`;
    return e.message;
  }
  if (e instanceof OfflineError) return e.message;
  return e instanceof Error ? e.message : String(e);
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? '?' + s : '';
}
