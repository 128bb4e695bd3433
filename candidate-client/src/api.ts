// The exam-server API as the player uses it: JSON over fetch, the candidate's
// token as a bearer header (never in a URL), and errors as values the screens
// can word for a candidate.

export interface Run {
  text: string;
  strong?: boolean;
  emphasis?: boolean;
  break?: boolean;
}
// Safe text: paragraphs of runs. Rendered as text nodes, never as HTML.
export type SafeText = Run[][];

export interface AttemptStatus {
  attempt: number;
  state: 'booked' | 'admitted' | 'in_progress' | 'paused' | 'submitted' | 'marked' | 'void';
  allowed_seconds: number;
  remaining_seconds: number;
  remaining_ms?: number;
  running?: boolean;
  items: number;
  answered: number;
  flagged: number;
  submitted_by?: string;
}

export interface Login {
  token: string;
  candidate: { candidate_number: string; given_name: string; family_name: string; extra_time_percent: number };
  unit: { code: string; title: string };
  attempt: AttemptStatus | null;
}

// A picture an item shows: its file on the server (GET /api/v1/attempt/media/{media}) and what it shows, in words.
export interface ItemImage {
  media: string;
  alt: string;
}

export interface Item {
  position: number;
  type: 'single' | 'multiple';
  choose: number;
  stem: SafeText;
  image?: ItemImage;
  // An option may be a picture alone: its text is then empty.
  options: { id: string; text: SafeText; image?: ItemImage }[];
  response: { selected: string[]; flagged: boolean; sequence: number };
}

export interface Summary extends AttemptStatus {
  unanswered_positions: number[];
  flagged_positions: number[];
}

export interface Result {
  released: boolean;
  raw_score?: number;
  available?: number;
  percentage?: number;
  pass_mark?: number;
  passed?: boolean;
  by_learning_outcome?: { learning_outcome: string; marks: number; available: number }[];
}

export interface SaveReply {
  saved: boolean;
  applied: boolean;
  sequence: number;
  attempt: AttemptStatus;
}

// The display settings as the server keeps them (PUT /api/v1/attempt/player-state).
export interface DisplayJson {
  text_size: number;
  overlay: string;
  high_contrast: boolean;
  line_spacing: string;
}

export interface PlayerState {
  position: number | null;
  display: DisplayJson | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

// No answer at all: the network is down or the server unreachable.
export class OfflineError extends Error {}

export class Api {
  token: string | null = null;

  async request<T>(method: string, path: string, body?: unknown, keepalive = false): Promise<T> {
    const response = await this.send(method, path, body, keepalive);
    const parsed = await jsonOf(response);
    if (!response.ok) throw apiError(response, parsed);
    return parsed as T;
  }

  // A picture's bytes, fetched with the token like every other request.
  async picture(name: string): Promise<Blob> {
    const response = await this.send('GET', `/api/v1/attempt/media/${encodeURIComponent(name)}`);
    if (!response.ok) throw apiError(response, await jsonOf(response));
    try {
      return await response.blob();
    } catch {
      throw new OfflineError('the connection broke while the picture was arriving');
    }
  }

  private async send(method: string, path: string, body?: unknown, keepalive = false): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.token !== null) headers['authorization'] = `Bearer ${this.token}`;
    const init: RequestInit = { method, headers, cache: 'no-store', keepalive };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    try {
      return await fetch(path, init);
    } catch {
      throw new OfflineError('no connection to the server');
    }
  }

  login(centre: string, candidate: string, keycode: string): Promise<Login> {
    return this.request('POST', '/api/v1/candidate/login', {
      centre_number: centre,
      candidate_number: candidate,
      keycode,
    });
  }
  attempt(): Promise<AttemptStatus> {
    return this.request('GET', '/api/v1/attempt');
  }
  start(): Promise<AttemptStatus> {
    return this.request('POST', '/api/v1/attempt/start');
  }
  items(): Promise<{ attempt: number; items: Item[] }> {
    return this.request('GET', '/api/v1/attempt/items');
  }
  save(position: number, sequence: number, selected: string[], flagged: boolean): Promise<SaveReply> {
    return this.request('PUT', `/api/v1/attempt/responses/${position}`, { sequence, selected, flagged });
  }
  heartbeat(): Promise<AttemptStatus> {
    return this.request('POST', '/api/v1/attempt/heartbeat');
  }
  summary(): Promise<Summary> {
    return this.request('GET', '/api/v1/attempt/summary');
  }
  submit(): Promise<AttemptStatus> {
    return this.request('POST', '/api/v1/attempt/submit', { confirm: true });
  }
  playerState(): Promise<PlayerState> {
    return this.request('GET', '/api/v1/attempt/player-state');
  }
  savePlayerState(position: number, display: DisplayJson): Promise<PlayerState> {
    return this.request('PUT', '/api/v1/attempt/player-state', { position, display });
  }
  result(): Promise<Result> {
    return this.request('GET', '/api/v1/attempt/result');
  }
  // Fire and forget, and survives the page being closed: never holds up the candidate.
  irregularity(kind: 'focus_lost' | 'page_hidden' | 'copy_attempt' | 'paste_attempt'): void {
    this.request('POST', '/api/v1/attempt/irregularities', { kind }, true).catch(() => undefined);
  }
}

async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

function apiError(response: Response, parsed: unknown): ApiError {
  const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
  const retry = Number(response.headers.get('retry-after'));
  return new ApiError(
    response.status,
    error?.code ?? 'http_' + response.status,
    error?.message ?? `the server answered ${response.status}`,
    Number.isFinite(retry) && retry > 0 ? retry : null,
  );
}
