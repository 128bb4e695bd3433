// The sitting, screen by screen: log in, before the test, one item per screen
// with the navigator, review, paused, and the end. The player holds the items
// and the candidate's latest answers; the save queue carries each change to the
// server; the server's clock and feed decide what the candidate may do.
import { Api, ApiError, OfflineError, type AttemptStatus, type Item, type Login, type PlayerState } from './api';
import { ServerClock, Warnings, clockText, durationWords } from './clock';
import { clear, h } from './dom';
import { AttemptFeed } from './feed';
import { browserPictureSource, pictureView } from './picture-view';
import { PictureCache, picturesOf } from './pictures';
import { renderSafeText } from './safe-text';
import { SaveQueue, type SaveEntry, type SaveStatus, type SendOutcome } from './save-queue';
import {
  applySettings,
  loadSettings,
  saveSettings,
  settingsForm,
  settingsFromJson,
  settingsToJson,
  type DisplaySettings,
} from './settings';

const tokenKey = 'exam-player:token';
const loginKey = 'exam-player:login';
const ended = new Set<AttemptStatus['state']>(['submitted', 'marked', 'void']);

interface Answer {
  selected: string[];
  flagged: boolean;
}

export class Player {
  private readonly api = new Api();
  private readonly pictures = new PictureCache(browserPictureSource(this.api));
  private readonly clock = new ServerClock();
  private readonly warnings = new Warnings();
  private login: Login | null = null;
  private status: AttemptStatus | null = null;
  private items: Item[] = [];
  private answers: Answer[] = [];
  private position = 0;
  private queue: SaveQueue | null = null;
  private feed: AttemptFeed | null = null;
  private settings: DisplaySettings = loadSettings('exam-player:settings');
  private screen: 'login' | 'before' | 'item' | 'review' | 'paused' | 'end' | 'timeup' = 'login';
  private timeHidden = false;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private tickTimer: ReturnType<typeof setInterval> | null = null;
  private wasHeld = false;
  private lastIrregularity = new Map<string, number>();
  private serverState: PlayerState | null = null;
  private playerStateTimer: ReturnType<typeof setTimeout> | null = null;

  // Elements that live across screens.
  private readonly main = document.getElementById('main') as HTMLElement;
  private readonly announcer = document.getElementById('announcer') as HTMLElement;
  private readonly bar = document.getElementById('bar') as HTMLElement;
  private readonly timeText = h('span', { class: 'time-text' });
  private readonly timeToggle = h('button', { type: 'button', class: 'link-button', onclick: () => this.toggleTime() }, 'Hide time');
  private readonly saveText = h('span', { class: 'save-text' });
  private readonly settingsButton = h(
    'button',
    { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'settings-panel', onclick: () => this.toggleSettings() },
    'Display settings',
  );
  private readonly settingsPanel = h('section', { id: 'settings-panel', class: 'settings-panel', 'aria-label': 'Display settings', hidden: true });

  start(): void {
    applySettings(this.settings);
    this.buildBar();
    this.watchForIrregularities();
    window.addEventListener('online', () => this.reconnected());
    const token = sessionStorage.getItem(tokenKey);
    const saved = sessionStorage.getItem(loginKey);
    if (token !== null && saved !== null) {
      this.api.token = token;
      this.login = JSON.parse(saved) as Login;
      this.resume().catch(() => this.showLogin());
    } else {
      this.showLogin();
    }
  }

  // ---- log in ---------------------------------------------------------------

  private showLogin(message = ''): void {
    this.screen = 'login';
    // The log-in has ended: the next one fetches the pictures afresh.
    this.pictures.clear();
    this.bar.hidden = true;
    const error = h('p', { id: 'login-error', class: 'error', role: 'alert' }, message);
    const field = (id: string, label: string, hint: string, attrs: Record<string, string>) =>
      h(
        'div',
        { class: 'field' },
        h('label', { for: id }, label),
        h('span', { class: 'hint', id: `${id}-hint` }, hint),
        h('input', { id, name: id, required: true, 'aria-describedby': `${id}-hint`, autocomplete: 'off', spellcheck: 'false', ...attrs }),
      );
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Log in');
    const form = h(
      'form',
      { class: 'login', novalidate: true },
      field('centre', 'Centre number', 'For example 90001', { inputmode: 'numeric' }),
      field('candidate', 'Candidate number', 'Four digits, for example 0001', { inputmode: 'numeric' }),
      field('keycode', 'Keycode', 'Eight letters and numbers, from the invigilator', { autocapitalize: 'characters' }),
      error,
      submit,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = (id: string) => (form.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '').trim();
      const centre = value('centre');
      const candidate = value('candidate');
      const keycode = value('keycode').toUpperCase();
      if (!centre || !candidate || !keycode) {
        error.textContent = 'Enter your centre number, candidate number and keycode.';
        return;
      }
      submit.disabled = true;
      error.textContent = '';
      this.api.token = null;
      this.api
        .login(centre, candidate, keycode)
        .then((login) => this.loggedIn(login))
        .catch((e: unknown) => {
          submit.disabled = false;
          error.textContent = loginMessage(e);
        });
    });
    this.show(h('h1', { tabindex: '-1' }, 'Log in to your test'), h('p', {}, 'Use the details your invigilator gave you.'), form);
  }

  private async loggedIn(login: Login): Promise<void> {
    this.login = login;
    this.api.token = login.token;
    sessionStorage.setItem(tokenKey, login.token);
    sessionStorage.setItem(loginKey, JSON.stringify({ ...login, token: '' }));
    await this.resume();
  }

  // After logging in or reloading: go where the attempt's state says.
  private async resume(): Promise<void> {
    const status = await this.api.attempt();
    this.status = status;
    // The server's copy of the place and settings serves a computer that has none of its own.
    this.serverState = await this.api.playerState().catch((): PlayerState => ({ position: null, display: null }));
    const key = `exam-player:settings:${status.attempt}`;
    if (localStorage.getItem(key) !== null) this.settings = loadSettings(key);
    else if (this.serverState.display !== null) this.settings = settingsFromJson(this.serverState.display);
    applySettings(this.settings);
    this.clock.set(status.remaining_seconds * 1000, status.state === 'in_progress');
    this.openFeed();
    if (ended.has(status.state)) return this.showEnd();
    if (status.state === 'booked' || status.state === 'admitted') return this.showBefore();
    await this.enterTest();
  }

  private openFeed(): void {
    if (this.feed !== null || this.api.token === null) return;
    // Its first message is the attempt as it stands, so every (re)connection also resets the clock.
    this.feed = new AttemptFeed(this.api.token, (a) => this.attemptChanged(a));
  }

  // ---- before the test ------------------------------------------------------

  private showBefore(): void {
    this.screen = 'before';
    this.bar.hidden = true;
    const login = this.login!;
    const status = this.status!;
    const extra = login.candidate.extra_time_percent;
    const waiting = status.state === 'booked';
    const start = h('button', { id: 'start-test', type: 'button', class: 'primary', disabled: waiting, onclick: () => this.startTest(start) }, 'Start the test');
    const wait = h(
      'p',
      { id: 'admission', role: 'status', class: waiting ? 'notice' : 'notice ok' },
      waiting ? 'Waiting for the invigilator to let you start. This page will change by itself.' : 'The invigilator has let you in: start when you are ready.',
    );
    this.show(
      h('h1', { tabindex: '-1' }, 'Before you start'),
      h('p', {}, 'Check these are your details. If anything is wrong, tell the invigilator now.'),
      h(
        'dl',
        { class: 'details' },
        h('dt', {}, 'Name'),
        h('dd', {}, `${login.candidate.given_name} ${login.candidate.family_name}`),
        h('dt', {}, 'Candidate number'),
        h('dd', {}, login.candidate.candidate_number),
        h('dt', {}, 'Test'),
        h('dd', {}, `${login.unit.title} (${login.unit.code})`),
        h('dt', {}, 'Questions'),
        h('dd', {}, String(status.items)),
        h('dt', {}, 'Time allowed'),
        h('dd', {}, durationWords(status.allowed_seconds) + (extra > 0 ? `, including your ${extra}% extra time` : '')),
      ),
      h('h2', {}, 'How the test works'),
      h(
        'ul',
        {},
        h('li', {}, 'There is one question on each screen. Use Next and Previous, or the list of questions, to move between them.'),
        h('li', {}, 'Some questions ask you to choose more than one answer: they say how many.'),
        h('li', {}, 'Use "Flag for review" to mark a question you want to come back to.'),
        h('li', {}, 'Before you submit, the review page lists questions you have not answered or have flagged.'),
        h('li', {}, 'Your answers save by themselves as you go. The top of the screen says whether they are saved.'),
        h('li', {}, 'The time left is shown at the top; you can hide it. You will be told when 10, 5 and 1 minutes are left.'),
      ),
      h('h2', {}, 'Display settings'),
      h('p', {}, 'Choose what is easiest for you to read. You can change these at any time during the test.'),
      settingsForm(this.settings, (s) => this.settingsChanged(s)),
      wait,
      start,
    );
  }

  // Admitted while this page waits: the status and the button change in place, the focus stays where it is.
  private admitted(): void {
    const wait = document.getElementById('admission');
    if (wait) {
      wait.textContent = 'The invigilator has let you in: start when you are ready.';
      wait.className = 'notice ok';
    }
    const start = document.getElementById('start-test') as HTMLButtonElement | null;
    if (start) start.disabled = false;
  }

  private startTest(button: HTMLButtonElement): void {
    button.disabled = true;
    this.api
      .start()
      .then(async (status) => {
        this.status = status;
        await this.enterTest();
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'not_admitted') {
          const wait = document.getElementById('admission');
          if (wait) wait.textContent = 'The invigilator has not let you in yet. This page will change when they do.';
          return;
        }
        button.disabled = false;
        this.announce(errorMessage(e));
      });
  }

  // ---- the test -------------------------------------------------------------

  private entering: Promise<void> | null = null;

  private enterTest(): Promise<void> {
    this.entering ??= this.loadTest().finally(() => (this.entering = null));
    return this.entering;
  }

  private async loadTest(): Promise<void> {
    if (this.screen !== 'before' && this.screen !== 'login') return;
    const status = this.status!;
    const { items } = await this.api.items();
    this.items = items;
    this.queue ??= new SaveQueue({
      storage: localStorage,
      storageKey: `exam-player:queue:${status.attempt}`,
      send: (e) => this.send(e),
      timer: { set: (f, ms) => setTimeout(f, ms), clear: (t) => clearTimeout(t as ReturnType<typeof setTimeout>) },
      onStatus: (s, n) => this.saveStatusChanged(s, n),
    });
    const queue = this.queue;
    this.answers = items.map((item) => {
      queue.noteServerSequence(item.response.sequence);
      const held = queue.pendingFor(item.position);
      return held ? { selected: [...held.selected], flagged: held.flagged } : { selected: [...item.response.selected], flagged: item.response.flagged };
    });
    // Where to open: this computer's own note, else the server's, else the first unanswered item.
    const local = localStorage.getItem(`exam-player:place:${status.attempt}`);
    const place = local !== null ? Number(local) : this.serverState?.position ?? null;
    const firstUnanswered = this.answers.findIndex((a) => a.selected.length === 0);
    this.position = place !== null && Number.isInteger(place) && place >= 0 && place < items.length ? place : Math.max(0, firstUnanswered);
    queue.resume();
    this.startTimers();
    this.bar.hidden = false;
    this.renderTime();
    if (status.state === 'paused') return this.showPaused();
    this.showItem(this.position);
  }

  private send(entry: SaveEntry): Promise<SendOutcome> {
    return this.api.save(entry.position, entry.sequence, entry.selected, entry.flagged).then(
      (reply): SendOutcome => {
        this.statusFromServer(reply.attempt);
        return 'sent';
      },
      (e: unknown): SendOutcome => {
        if (e instanceof OfflineError) return 'retry';
        if (e instanceof ApiError) {
          if (e.code === 'attempt_paused') return 'hold';
          if (e.status >= 500 || e.status === 429) return 'retry';
          if (e.status === 401) {
            this.showLogin('Your log-in has ended. Log in again: your answers held on this computer will then be sent.');
            return 'hold';
          }
          // The attempt is over, or the change can never be accepted.
          if (e.status === 409) this.api.attempt().then((a) => this.attemptChanged(a), () => undefined);
          return 'drop';
        }
        return 'retry';
      },
    );
  }

  private showItem(position: number): void {
    const item = this.items[position];
    if (!item) return;
    const started = performance.now();
    this.screen = 'item';
    this.position = position;
    try {
      localStorage.setItem(`exam-player:place:${this.status!.attempt}`, String(position));
    } catch {
      // Only where to reopen the test on this computer is lost; the server keeps it too.
    }
    this.keepPlayerState();
    const answer = this.answers[position]!;
    const multiple = item.type === 'multiple';
    const message = h('p', { class: 'choice-message', role: 'alert' });
    const legendId = `legend-${position}`;
    const options = item.options.map((option) => {
      const input = h('input', {
        type: multiple ? 'checkbox' : 'radio',
        name: `item-${position}`,
        value: option.id,
      });
      // Inside the label, so clicking the picture chooses the option and its alt text is part of the option's name.
      const picture = option.image ? pictureView(this.pictures, option.image, `picture-${position}-${option.id}`, 'option', input) : null;
      input.checked = answer.selected.includes(option.id);
      input.addEventListener('change', () => {
        if (multiple) {
          const chosen = options.filter((o) => o.input.checked).map((o) => o.input.value);
          if (chosen.length > item.choose) {
            input.checked = false;
            message.textContent = `You can choose only ${item.choose} answers. Untick one of your answers to choose a different one.`;
            return;
          }
          message.textContent = '';
          this.change(position, { selected: chosen, flagged: answer.flagged });
        } else {
          this.change(position, { selected: [option.id], flagged: answer.flagged });
        }
      });
      const label = h('label', { class: 'option' }, input, h('span', { class: 'option-text' }, renderSafeText(option.text, 'span'), picture?.picture));
      return { input, label: picture ? h('div', { class: 'option-cell' }, label, picture.retry) : label };
    });
    // After the stem's text, outside the legend so the group keeps the stem as its name, and describing the group.
    const stemPictureId = `picture-${position}-stem`;
    const stemPicture = item.image ? pictureView(this.pictures, item.image, stemPictureId, 'stem') : null;
    const describedBy = [multiple ? `choose-${position}` : '', stemPicture ? stemPictureId : ''].filter((id) => id !== '').join(' ');
    const flag = h(
      'button',
      { type: 'button', class: 'flag', 'aria-pressed': answer.flagged ? 'true' : 'false' },
      answer.flagged ? 'Flagged for review' : 'Flag for review',
    );
    flag.addEventListener('click', () => {
      const now = this.answers[position]!;
      this.change(position, { selected: now.selected, flagged: !now.flagged });
      const flagged = this.answers[position]!.flagged;
      flag.setAttribute('aria-pressed', flagged ? 'true' : 'false');
      flag.textContent = flagged ? 'Flagged for review' : 'Flag for review';
      this.renderNavigator();
    });
    const last = position === this.items.length - 1;
    const heading = h('h1', { id: 'question-heading', tabindex: '-1' }, `Question ${position + 1} of ${this.items.length}`);
    this.show(
      h(
        'div',
        { class: 'item-layout' },
        h(
          'div',
          { class: 'item-main' },
          heading,
          h(
            'form',
            { class: 'item', onsubmit: (e: Event) => e.preventDefault() },
            h(
              'fieldset',
              { 'aria-describedby': describedBy === '' ? null : describedBy },
              h(
                'legend',
                { id: legendId, class: 'stem' },
                renderSafeText(item.stem, 'span'),
                multiple ? h('span', { class: 'choose', id: `choose-${position}` }, `Choose ${item.choose}`) : null,
              ),
              stemPicture ? h('div', { class: 'stem-picture' }, stemPicture.picture, stemPicture.retry) : null,
              h('div', { class: 'options' }, ...options.map((o) => o.label)),
            ),
            message,
          ),
          h(
            'div',
            { class: 'item-actions' },
            h('button', { type: 'button', disabled: position === 0, onclick: () => this.goTo(position - 1) }, 'Previous'),
            flag,
            last
              ? h('button', { type: 'button', class: 'primary', onclick: () => this.showReview() }, 'Review answers')
              : h('button', { type: 'button', class: 'primary', onclick: () => this.goTo(position + 1) }, 'Next'),
          ),
        ),
        this.navigator(),
      ),
    );
    heading.focus();
    document.documentElement.dataset['renderMs'] = (performance.now() - started).toFixed(1);
    // The next item's pictures, so that "Next" shows them at once.
    const next = this.items[position + 1];
    if (next) this.pictures.prefetch(picturesOf(next));
  }

  private goTo(position: number): void {
    if (position < 0 || position >= this.items.length) return;
    this.showItem(position);
  }

  private navigatorList: HTMLOListElement | null = null;

  private navigator(): HTMLElement {
    this.navigatorList = h('ol', { class: 'navigator-list' });
    this.renderNavigator();
    return h(
      'nav',
      { class: 'navigator', 'aria-labelledby': 'navigator-heading' },
      h('h2', { id: 'navigator-heading' }, 'Questions'),
      h('p', { class: 'legend-key' }, h('span', { class: 'key answered' }, '✓'), ' answered  ', h('span', { class: 'key flagged' }, '⚑'), ' flagged'),
      this.navigatorList,
      h('button', { type: 'button', class: 'review-button', onclick: () => this.showReview() }, 'Review and submit'),
    );
  }

  private renderNavigator(): void {
    const list = this.navigatorList;
    if (list === null) return;
    clear(list);
    this.answers.forEach((a, i) => {
      const answered = a.selected.length > 0;
      const words = [answered ? 'answered' : 'not answered', a.flagged ? 'flagged' : ''].filter(Boolean).join(', ');
      const button = h(
        'button',
        {
          type: 'button',
          class: `nav-item${answered ? ' answered' : ''}${a.flagged ? ' flagged' : ''}`,
          'aria-current': i === this.position && this.screen === 'item' ? 'step' : null,
          onclick: () => this.goTo(i),
        },
        h('span', { 'aria-hidden': 'true' }, `${i + 1}${answered ? ' ✓' : ''}${a.flagged ? ' ⚑' : ''}`),
        h('span', { class: 'visually-hidden' }, `Question ${i + 1}, ${words}`),
      );
      list.appendChild(h('li', {}, button));
    });
  }

  // One change of an answer or a flag: shown at once, saved in the background.
  private change(position: number, answer: Answer): void {
    this.answers[position] = { selected: [...answer.selected], flagged: answer.flagged };
    const queue = this.queue!;
    queue.enqueue({ position, sequence: queue.nextSequence(), selected: answer.selected, flagged: answer.flagged });
    this.renderNavigator();
  }

  private saveStatusChanged(status: SaveStatus, pending: number): void {
    const text =
      status === 'saved'
        ? 'All answers saved'
        : status === 'saving'
          ? 'Saving…'
          : `Connection lost: ${pending} change${pending === 1 ? '' : 's'} held on this computer`;
    this.saveText.textContent = text;
    this.saveText.dataset['status'] = status;
    // Only the changes that matter reach a screen reader: losing the connection, and everything saved again.
    if (status === 'held' && !this.wasHeld) {
      this.wasHeld = true;
      this.announce('The connection to the server is lost. Keep going: your answers are held on this computer and will be sent when it returns.');
    } else if (status === 'saved' && this.wasHeld) {
      this.wasHeld = false;
      this.announce('The connection is back. All your answers are saved.');
    }
  }

  // ---- review and submit ----------------------------------------------------

  private showReview(): void {
    this.screen = 'review';
    const unanswered = this.answers.flatMap((a, i) => (a.selected.length === 0 ? [i] : []));
    const flagged = this.answers.flatMap((a, i) => (a.flagged ? [i] : []));
    const list = (positions: number[], id: string, none: string) =>
      positions.length === 0
        ? h('p', { id }, none)
        : h('ul', { id, class: 'review-list' }, ...positions.map((i) => h('li', {}, h('button', { type: 'button', class: 'link-button', onclick: () => this.goTo(i) }, `Question ${i + 1}`))));
    const confirm = h('div', { class: 'confirm', hidden: true, role: 'group', 'aria-labelledby': 'confirm-text' });
    const submit = h('button', { type: 'button', class: 'primary', onclick: () => {
      submit.hidden = true;
      confirm.hidden = false;
      confirm.querySelector<HTMLButtonElement>('button')?.focus();
    } }, 'Submit the test');
    const problem = h('p', { class: 'error', role: 'alert' });
    const yes = h('button', { type: 'button', class: 'primary', onclick: () => this.submit(yes, problem) }, 'Yes, submit my test');
    const no = h('button', { type: 'button', onclick: () => {
      confirm.hidden = true;
      submit.hidden = false;
      submit.focus();
    } }, 'No, go back');
    confirm.append(
      h('p', { id: 'confirm-text' }, unanswered.length > 0 ? `You have ${unanswered.length} unanswered question${unanswered.length === 1 ? '' : 's'}. ` : '', 'Submit your test now? You cannot change your answers after this.'),
      yes,
      no,
    );
    this.show(
      h('h1', { tabindex: '-1' }, 'Review your answers'),
      h('p', {}, `You have answered ${this.items.length - unanswered.length} of ${this.items.length} questions.`),
      h('h2', {}, `Not answered (${unanswered.length})`),
      list(unanswered, 'unanswered-list', 'You have answered every question.'),
      h('h2', {}, `Flagged for review (${flagged.length})`),
      list(flagged, 'flagged-list', 'No questions are flagged.'),
      h('div', { class: 'item-actions' }, h('button', { type: 'button', onclick: () => this.goTo(this.position) }, 'Back to the questions'), submit),
      confirm,
      problem,
    );
  }

  private async submit(button: HTMLButtonElement, problem: HTMLElement): Promise<void> {
    button.disabled = true;
    problem.textContent = 'Sending your last answers…';
    const drained = await this.queue!.drain(10_000);
    if (!drained) {
      button.disabled = false;
      problem.textContent = 'Some answers are still held on this computer because the connection is lost. Wait until the top of the screen says "All answers saved", then submit again.';
      return;
    }
    try {
      this.statusFromServer(await this.api.submit());
      this.showEnd();
    } catch (e) {
      button.disabled = false;
      if (e instanceof ApiError && e.status === 409) {
        this.api.attempt().then((a) => this.attemptChanged(a), () => undefined);
        return;
      }
      problem.textContent = errorMessage(e);
    }
  }

  // ---- paused, time up, the end ---------------------------------------------

  private showPaused(): void {
    this.screen = 'paused';
    this.bar.hidden = true;
    this.show(
      h('h1', { tabindex: '-1' }, 'Your test is paused'),
      h('p', { role: 'status' }, 'The invigilator has paused your test. Your time has stopped and your answers are kept.'),
      h('p', {}, 'Please wait. Your test will come back here by itself when the invigilator restarts it.'),
    );
  }

  private showTimeUp(): void {
    if (this.screen === 'timeup' || this.screen === 'end') return;
    this.screen = 'timeup';
    this.bar.hidden = true;
    this.show(h('h1', { tabindex: '-1' }, 'Time is up'), h('p', { role: 'status' }, 'Your answers are being submitted. Please wait.'));
    // The server submits on its own clock; the feed says when. Ask as well, in case the feed is down.
    const check = () => {
      if (this.screen !== 'timeup') return;
      this.api.attempt().then((a) => this.attemptChanged(a), () => undefined);
      setTimeout(check, 2000);
    };
    setTimeout(check, 1000);
  }

  private async showEnd(): Promise<void> {
    if (this.screen === 'end') return;
    this.screen = 'end';
    this.bar.hidden = true;
    this.stopTimers();
    this.pictures.clear();
    const voided = this.status?.state === 'void';
    const heading = voided ? 'Your test has been stopped' : 'Your test has been submitted';
    const body = h('div', {}, h('p', {}, voided ? 'The invigilator has stopped your test. Please speak to them.' : 'Thank you. You can now leave the test as the invigilator tells you.'));
    this.show(h('h1', { tabindex: '-1' }, heading), body);
    try {
      localStorage.removeItem(`exam-player:queue:${this.status!.attempt}`);
    } catch {
      // Nothing is held once the attempt is over.
    }
    if (voided) return;
    try {
      const result = await this.api.result();
      body.append(...resultView(result));
    } catch {
      body.append(h('p', {}, 'Your result will be given to you by your centre.'));
    }
  }

  // ---- the server's word on the attempt -------------------------------------

  private statusFromServer(a: AttemptStatus): void {
    this.status = { ...this.status, ...a } as AttemptStatus;
    const ms = a.remaining_ms ?? a.remaining_seconds * 1000;
    this.clock.set(ms, a.running ?? a.state === 'in_progress');
    this.renderTime();
  }

  private attemptChanged(a: AttemptStatus): void {
    const before = this.status?.state;
    this.statusFromServer(a);
    if (ended.has(a.state)) {
      void this.showEnd();
      return;
    }
    if (this.screen === 'before') {
      if (a.state === 'admitted' && before !== 'admitted') this.admitted();
      // Started from another computer, or by this page's own Start (enterTest runs once).
      if (a.state === 'in_progress' || a.state === 'paused') void this.enterTest();
      return;
    }
    if (a.state === 'paused' && this.screen !== 'paused' && this.screen !== 'login') {
      this.showPaused();
    } else if (a.state === 'in_progress' && (this.screen === 'paused' || (this.screen === 'timeup' && this.clock.remaining() > 0))) {
      // Resumed, or extra time granted after the clock on this screen reached zero.
      this.bar.hidden = false;
      this.queue?.resume();
      this.showItem(this.position);
    }
  }

  private startTimers(): void {
    if (this.heartbeatTimer === null) {
      this.heartbeatTimer = setInterval(() => this.heartbeat(), 10_000);
    }
    if (this.tickTimer === null) {
      this.tickTimer = setInterval(() => this.renderTime(), 1000);
    }
  }

  private stopTimers(): void {
    if (this.heartbeatTimer !== null) clearInterval(this.heartbeatTimer);
    if (this.tickTimer !== null) clearInterval(this.tickTimer);
    this.heartbeatTimer = null;
    this.tickTimer = null;
    this.feed?.close();
  }

  private heartbeat(): void {
    this.api.heartbeat().then(
      (a) => this.attemptChanged(a),
      () => undefined,
    );
  }

  private reconnected(): void {
    this.queue?.resume();
    this.feed?.reconnectNow();
    if (this.screen !== 'login') this.heartbeat();
  }

  private renderTime(): void {
    const ms = this.clock.remaining();
    this.timeText.textContent = this.timeHidden ? 'Time hidden' : `Time left ${clockText(ms)}`;
    const warning = this.warnings.crossed(ms);
    if (warning !== null) this.announce(`${warning} minute${warning === 1 ? '' : 's'} left.`);
    if (ms <= 0 && this.clock.isRunning() && (this.screen === 'item' || this.screen === 'review')) this.showTimeUp();
  }

  private toggleTime(): void {
    this.timeHidden = !this.timeHidden;
    this.timeToggle.textContent = this.timeHidden ? 'Show time' : 'Hide time';
    this.renderTime();
  }

  // ---- the bar, settings, announcements -------------------------------------

  private buildBar(): void {
    this.bar.append(
      h('div', { class: 'bar-time' }, this.timeText, ' ', this.timeToggle),
      h('div', { class: 'bar-save' }, this.saveText),
      h('div', { class: 'bar-settings' }, this.settingsButton),
    );
    this.bar.after(this.settingsPanel);
    this.saveText.textContent = 'All answers saved';
    this.saveText.dataset['status'] = 'saved';
  }

  private toggleSettings(): void {
    const open = this.settingsPanel.hidden;
    clear(this.settingsPanel);
    if (open) {
      this.settingsPanel.append(
        h('h2', {}, 'Display settings'),
        settingsForm(this.settings, (s) => this.settingsChanged(s)),
        h('button', { type: 'button', onclick: () => this.toggleSettings() }, 'Close display settings'),
      );
    }
    this.settingsPanel.hidden = !open;
    this.settingsButton.setAttribute('aria-expanded', String(open));
    if (open) this.settingsPanel.querySelector<HTMLInputElement>('input:checked')?.focus();
    else this.settingsButton.focus();
  }

  private settingsChanged(s: DisplaySettings): void {
    this.settings = s;
    saveSettings('exam-player:settings', s);
    if (this.status) saveSettings(`exam-player:settings:${this.status.attempt}`, s);
    this.keepPlayerState();
  }

  // Tells the server where the candidate is and how they see the test, for a
  // log-in on another computer. Best effort and coalesced: a lost one is
  // replaced by the next, and this computer keeps its own copy anyway.
  private keepPlayerState(): void {
    if (this.playerStateTimer !== null) clearTimeout(this.playerStateTimer);
    this.playerStateTimer = setTimeout(() => {
      this.playerStateTimer = null;
      if (this.status === null || ended.has(this.status.state)) return;
      this.api.savePlayerState(this.position, settingsToJson(this.settings)).catch(() => undefined);
    }, 300);
  }

  private announce(text: string): void {
    // Cleared first so that the same words said twice are read twice.
    this.announcer.textContent = '';
    setTimeout(() => (this.announcer.textContent = text), 50);
  }

  private show(...children: (Node | null)[]): void {
    if (this.screen !== 'item') this.navigatorList = null;
    if (!this.settingsPanel.hidden && this.bar.hidden) {
      this.settingsPanel.hidden = true;
      this.settingsButton.setAttribute('aria-expanded', 'false');
    }
    clear(this.main);
    for (const c of children) if (c) this.main.appendChild(c);
    this.main.dataset['screen'] = this.screen;
    if (this.screen !== 'item') this.main.querySelector<HTMLElement>('h1')?.focus();
  }

  // ---- signals for the invigilator ------------------------------------------

  private watchForIrregularities(): void {
    const report = (kind: 'focus_lost' | 'page_hidden' | 'copy_attempt' | 'paste_attempt') => {
      if (this.screen !== 'item' && this.screen !== 'review') return;
      const now = Date.now();
      if (now - (this.lastIrregularity.get(kind) ?? 0) < 2000) return;
      this.lastIrregularity.set(kind, now);
      this.api.irregularity(kind);
    };
    window.addEventListener('blur', () => report('focus_lost'));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') report('page_hidden');
    });
    // Leaving the page shows as hidden too; reported without asking the candidate to stay.
    window.addEventListener('pagehide', () => report('page_hidden'));
    document.addEventListener('copy', () => report('copy_attempt'));
    document.addEventListener('paste', () => report('paste_attempt'));
  }
}

function loginMessage(e: unknown): string {
  if (e instanceof ApiError) {
    // The server's words say how long to wait ("too many tries: wait 30 seconds, ...").
    if (e.status === 429) return sentence(e.message);
    if (e.status === 401 || e.status === 400 || e.status === 422) {
      return 'These details do not match a test booked for now. Check all three with the invigilator and try again.';
    }
    return sentence(e.message);
  }
  return errorMessage(e);
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1) + (text.endsWith('.') ? '' : '.');
}

function errorMessage(e: unknown): string {
  if (e instanceof OfflineError) return 'There is no connection to the server. Check with the invigilator and try again.';
  if (e instanceof ApiError) return sentence(e.message);
  return 'Something went wrong. Tell the invigilator.';
}

function resultView(r: Awaited<ReturnType<Api['result']>>): Node[] {
  if (!r.released || r.raw_score === undefined || r.available === undefined) {
    return [h('p', {}, 'Your result is not available yet: your centre will give it to you.')];
  }
  const outcomes = r.by_learning_outcome ?? [];
  return [
    h('h2', {}, 'Your provisional result'),
    h(
      'p',
      { class: 'result' },
      `You scored ${r.raw_score} out of ${r.available} (${Math.round(r.percentage ?? 0)}%). The pass mark is ${r.pass_mark}, so you have ${r.passed ? 'passed' : 'not passed'}.`,
    ),
    h('h3', {}, 'How each part of the unit went'),
    h(
      'ul',
      {},
      ...outcomes.map((o) => h('li', {}, `Learning outcome ${o.learning_outcome}: ${o.marks} out of ${o.available} ${o.marks === o.available ? '(all correct)' : ''}`.trim())),
    ),
    h('p', {}, 'This result is provisional until the awarding organisation confirms it.'),
  ];
}
