// A candidate's display settings from their access arrangements (text size,
// colour overlay, high contrast, line spacing): the player starts with them
// at log-in until the candidate chooses their own.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorSummary, Select } from '../ui/forms';
import { Loaded } from '../ui/status';
import { useResource } from '../ui/use-resource';

interface Display {
  text_size: number;
  overlay: string;
  high_contrast: boolean;
  line_spacing: string;
}

const overlays = ['none', 'cream', 'blue', 'yellow', 'green', 'pink', 'grey'];

function describe(d: Display | null): string {
  if (!d) return 'None recorded: the player starts with its usual settings.';
  const parts = [`text ${d.text_size} %`];
  if (d.overlay !== 'none') parts.push(`${d.overlay} overlay`);
  if (d.high_contrast) parts.push('high contrast');
  if (d.line_spacing !== 'normal') parts.push(`${d.line_spacing} line spacing`);
  return parts.join(', ') + '.';
}

export function DisplayArrangement(props: { candidate: number; canManage: boolean; onSaved: (m: string) => void }) {
  const current = useResource(
    () => api.get<{ display: Display | null }>(`/api/v1/candidates/${props.candidate}/display-arrangement`).then((r) => r.display),
    [props.candidate],
  );
  return (
    <section aria-labelledby="display-heading">
      <h2 id="display-heading">Display settings (access arrangements)</h2>
      <Loaded resource={{ ...current, data: current.loading ? null : { display: current.data } }} what="the display settings">
        {({ display }) => (
          <>
            <p>{describe(display)}</p>
            {props.canManage && (
              <DisplayForm
                candidate={props.candidate}
                initial={display}
                onSaved={(d) => {
                  current.reload();
                  props.onSaved(`Display settings recorded: ${describe(d)}`);
                }}
              />
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function DisplayForm(props: { candidate: number; initial: Display | null; onSaved: (d: Display) => void }) {
  const [d, setD] = useState<Display>(props.initial ?? { text_size: 100, overlay: 'none', high_contrast: false, line_spacing: 'normal' });
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await api.put(`/api/v1/candidates/${props.candidate}/display-arrangement`, { display: d });
      props.onSaved(d);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details class="panel">
      <summary>Record display settings</summary>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} prefix="display-" />
        <div class="row-fields">
          <Select
            id="display-text_size"
            label="Text size"
            value={String(d.text_size)}
            onValue={(v) => setD({ ...d, text_size: Number(v) })}
            options={[100, 125, 150, 175, 200].map((n) => ({ value: String(n), label: `${n} %` }))}
          />
          <Select
            id="display-overlay"
            label="Colour overlay"
            value={d.overlay}
            onValue={(v) => setD({ ...d, overlay: v })}
            options={overlays.map((o) => ({ value: o, label: o === 'none' ? 'None' : o[0]!.toUpperCase() + o.slice(1) }))}
          />
          <Select
            id="display-line_spacing"
            label="Line spacing"
            value={d.line_spacing}
            onValue={(v) => setD({ ...d, line_spacing: v })}
            options={[
              { value: 'normal', label: 'Normal' },
              { value: 'wide', label: 'Wide' },
              { value: 'wider', label: 'Wider' },
            ]}
          />
        </div>
        <div class="checkbox">
          <input
            type="checkbox"
            id="display-high_contrast"
            checked={d.high_contrast}
            onChange={(e) => setD({ ...d, high_contrast: (e.currentTarget as HTMLInputElement).checked })}
          />
          <label for="display-high_contrast">High contrast (light text on black)</label>
        </div>
        <button type="submit">Save display settings</button>
      </form>
    </details>
  );
}
