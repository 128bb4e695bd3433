// The session's attendance register, to print and sign in the room: every
// booked candidate with their access arrangements and boxes to fill by hand.
import type { ComponentChildren } from 'preact';
import { api, type Centre } from '../api';
import { catalogue, unitLabel } from '../catalogue';
import { formatDateTime, formatTime } from '../format';
import type { Snapshot } from '../room/room-model';
import { PageHeading } from '../ui/page-heading';
import { Loaded } from '../ui/status';
import { useResource } from '../ui/use-resource';

export function usePrintable(session: number) {
  return useResource(async () => {
    const [room, centres, cat] = await Promise.all([
      api.get<Snapshot>(`/api/v1/sessions/${session}/room`),
      api.get<{ centres: Centre[] }>('/api/v1/centres'),
      catalogue(),
    ]);
    const centre = centres.centres.find((c) => c.id === room.session.centre) ?? null;
    return { room, centre, cat };
  }, [session]);
}

// The page of a printout: the session's candidates in number order, and a
// print button that does not itself print.
export function Printout(props: { title: string; print: string; children: ComponentChildren }) {
  return (
    <div class="printable">
      <p class="no-print">
        <button type="button" onClick={() => window.print()}>
          {props.print}
        </button>
      </p>
      <PageHeading title={props.title} />
      {props.children}
    </div>
  );
}

export function inNumberOrder<T extends { candidate_number: string }>(rows: T[]): T[] {
  return rows.slice().sort((a, b) => a.candidate_number.localeCompare(b.candidate_number));
}

export default function Register({ session }: { session: number }) {
  const data = usePrintable(session);
  return (
    <Loaded page resource={data} what="the register">
      {({ room, centre, cat }) => {
        const s = room.session;
        const rows = inNumberOrder(room.candidates);
        return (
          <Printout title="Attendance register" print="Print the register">
            <dl class="facts">
              <dt>Centre</dt>
              <dd>{centre ? `${centre.number} ${centre.name}` : s.centre}</dd>
              <dt>Unit</dt>
              <dd>{unitLabel(cat, s.unit)}</dd>
              <dt>Session</dt>
              <dd>
                {formatDateTime(s.starts_at)} to {formatTime(s.ends_at)} UTC, {s.room}
              </dd>
            </dl>
            <table class="data register">
              <thead>
                <tr>
                  <th scope="col">Candidate number</th>
                  <th scope="col">Name</th>
                  <th scope="col">Access arrangements</th>
                  <th scope="col">Present</th>
                  <th scope="col">Absent</th>
                  <th scope="col">Signature</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.booking}>
                    <td>{c.candidate_number}</td>
                    <td>
                      {c.family_name}, {c.given_name}
                    </td>
                    <td>{c.extra_time_percent > 0 ? `+${c.extra_time_percent} % time` : ''}</td>
                    <td class="tick" aria-label="Present (tick by hand)"></td>
                    <td class="tick" aria-label="Absent (tick by hand)"></td>
                    <td class="signature" aria-label="Signature"></td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p class="sign-off">
              Invigilator's name: ______________________ Signature: ______________________ Time: ________
            </p>
          </Printout>
        );
      }}
    </Loaded>
  );
}
