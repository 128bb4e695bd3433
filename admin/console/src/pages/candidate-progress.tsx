// A candidate's progress toward each qualification, in the rules engine's words.
import { api } from '../api';
import { Loaded } from '../ui/status';
import { useResource } from '../ui/use-resource';

interface Progress {
  qualification: string;
  title: string;
  achieved: boolean;
  credits: number;
  counted_units: string[];
  uncounted_units: string[];
  missing: string[];
}

export function ProgressSection(props: { candidate: number; changes: number }) {
  const progress = useResource(
    () => api.get<{ registrations: Progress[] }>(`/api/v1/candidates/${props.candidate}/progress`).then((r) => r.registrations),
    [props.candidate, props.changes],
  );
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress toward each qualification</h2>
      <Loaded resource={progress} what="progress">
        {(list) =>
          list.length === 0 ? (
            <p>No registrations yet.</p>
          ) : (
            <>
              {list.map((p) => (
                <div class="progress-card" key={p.qualification}>
                  <h3>
                    {p.qualification} {p.title}
                  </h3>
                  <p class={p.achieved ? 'achieved' : 'not-achieved'}>
                    <strong>{p.achieved ? 'Achieved: a full certificate can be claimed.' : 'Not yet achieved.'}</strong>{' '}
                    {p.credits} {p.credits === 1 ? 'credit counts' : 'credits count'}
                    {p.counted_units.length > 0 && ` (units ${p.counted_units.join(', ')})`}.
                  </p>
                  {p.uncounted_units.length > 0 && <p>Achieved but not counting: {p.uncounted_units.join(', ')}.</p>}
                  {p.missing.length > 0 && (
                    <>
                      <p>Still needed:</p>
                      <ul class="missing">
                        {p.missing.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </div>
              ))}
            </>
          )
        }
      </Loaded>
    </section>
  );
}

