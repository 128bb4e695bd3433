// The item bank for the awarding organisation, read-only: by qualification,
// unit, learning outcome and assessment criterion, with the live items of
// each criterion and the forms that use them, so gaps stand out.
import { useState } from 'preact/hooks';
import { api, type Me } from '../api';
import { PageHeading } from '../ui/page-heading';
import { Loaded } from '../ui/status';
import { useResource } from '../ui/use-resource';

interface Criterion {
  number: string;
  text: string;
  items: Record<string, number>;
  live_items: number;
  forms: string[];
}
interface Outcome {
  number: string;
  text: string;
  live_items: number;
  criteria: Criterion[];
  blueprint?: { min_items: number; max_items: number };
}
interface BankUnit {
  code: string;
  title: string;
  level: number;
  credit: number | null;
  criteria_without_live_items: number;
  learning_outcomes: Outcome[];
  test_specification: null | {
    item_count: number;
    duration_minutes: number;
    pass_mark: number;
    forms: { id: string; status: string; items: number }[];
  };
}
interface BankView {
  qualifications: { id: string; title: string; awarding_organisation: string; units: string[] }[];
  units: BankUnit[];
}

function statusText(items: Record<string, number>): string {
  const parts = Object.entries(items)
    .filter(([s]) => s !== 'live')
    .map(([s, n]) => `${n} ${s}`);
  return parts.join(', ');
}

function UnitCoverage({ unit }: { unit: BankUnit }) {
  const spec = unit.test_specification;
  return (
    <details class="unit-coverage" open={unit.criteria_without_live_items > 0 && spec !== null}>
      <summary>
        <span class="unit-code">{unit.code}</span> {unit.title}{' '}
        <span class="sub">
          level {unit.level}
          {unit.credit !== null && `, ${unit.credit} credits`}
        </span>{' '}
        {!spec ? (
          <span class="tag tag-neutral">assessed internally</span>
        ) : unit.criteria_without_live_items > 0 ? (
          <span class="tag tag-gap">
            {unit.criteria_without_live_items} {unit.criteria_without_live_items === 1 ? 'criterion' : 'criteria'} without live items
          </span>
        ) : (
          <span class="tag tag-ok">every criterion covered</span>
        )}
      </summary>
      {spec ? (
        <p>
          Onscreen test: {spec.item_count} items in {spec.duration_minutes} minutes, pass mark {spec.pass_mark}. Forms:{' '}
          {spec.forms.map((f) => `${f.id} (${f.status}, ${f.items} items)`).join(', ') || 'none'}.
        </p>
      ) : (
        <p>No onscreen test: assessed internally.</p>
      )}
      <table class="data coverage">
        <caption class="visually-hidden">Coverage of {unit.code} by assessment criterion</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Live items</th>
            <th scope="col">Other items</th>
            <th scope="col">Forms using them</th>
          </tr>
        </thead>
        {unit.learning_outcomes.map((lo) => (
          <tbody key={lo.number}>
            <tr class="outcome-row">
              <th scope="rowgroup" colSpan={4}>
                LO {lo.number}: {lo.text} <span class="sub">({lo.live_items} live{lo.blueprint && `; blueprint ${lo.blueprint.min_items} to ${lo.blueprint.max_items} items a form`})</span>
              </th>
            </tr>
            {lo.criteria.map((ac) => (
              <tr key={ac.number} class={ac.live_items === 0 ? 'gap' : ''}>
                <th scope="row">
                  AC {ac.number} <span class="criterion-text">{ac.text}</span>
                </th>
                <td>{ac.live_items === 0 ? <strong>None</strong> : ac.live_items}</td>
                <td>{statusText(ac.items) || '–'}</td>
                <td>{ac.forms.join(', ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </details>
  );
}

export default function Bank(_: { me: Me }) {
  const bank = useResource(() => api.get<BankView>('/api/v1/bank'), []);
  const [qualification, setQualification] = useState('');
  const [show, setShow] = useState<'tested' | 'gaps' | 'all'>('tested');
  return (
    <>
      <PageHeading title="Item bank coverage" />
      <Loaded resource={bank} what="the item bank">
        {(b) => {
          const q = b.qualifications.find((x) => x.id === qualification);
          const inQualification = b.units.filter((u) => !q || q.units.includes(u.code));
          const units = inQualification.filter(
            (u) =>
              show === 'all' ||
              (u.test_specification !== null && (show === 'tested' || u.criteria_without_live_items > 0)),
          );
          return (
            <>
              <div class="filters">
                <div class="field inline">
                  <label for="bank-qualification">Qualification</label>
                  <select id="bank-qualification" value={qualification} onChange={(e) => setQualification((e.currentTarget as HTMLSelectElement).value)}>
                    <option value="">Every qualification</option>
                    {b.qualifications.map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.id} {x.title}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field inline">
                  <label for="bank-show">Show</label>
                  <select id="bank-show" value={show} onChange={(e) => setShow((e.currentTarget as HTMLSelectElement).value as 'tested' | 'gaps' | 'all')}>
                    <option value="tested">Units with an onscreen test</option>
                    <option value="gaps">Tested units with gaps</option>
                    <option value="all">Every unit</option>
                  </select>
                </div>
              </div>
              <p>
                {units.length} of {inQualification.length} {inQualification.length === 1 ? 'unit' : 'units'} shown;{' '}
                {inQualification.filter((u) => u.test_specification).length} with an onscreen test.
              </p>
              {units.map((u) => (
                <UnitCoverage unit={u} key={u.code} />
              ))}
            </>
          );
        }}
      </Loaded>
    </>
  );
}
