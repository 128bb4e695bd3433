// Keycode slips: one per booked candidate, cut apart and handed out in the
// room. Each carries only that candidate's own log-in details.
import { unitLabel } from '../catalogue';
import { formatDateTime } from '../format';
import { Loaded } from '../ui/status';
import { inNumberOrder, Printout, usePrintable } from './print-register';

export default function Slips({ session }: { session: number }) {
  const data = usePrintable(session);
  return (
    <Loaded page resource={data} what="the keycode slips">
      {({ room, centre, cat }) => {
        const s = room.session;
        const rows = inNumberOrder(room.candidates);
        return (
          <Printout title="Keycode slips" print="Print the slips">
            <ul class="slips">
              {rows.map((c) => (
                <li class="slip" key={c.booking}>
                  <p class="slip-name">
                    {c.given_name} {c.family_name}
                  </p>
                  <dl>
                    <dt>Centre number</dt>
                    <dd>{centre?.number ?? ''}</dd>
                    <dt>Candidate number</dt>
                    <dd>{c.candidate_number}</dd>
                    <dt>Keycode</dt>
                    <dd class="keycode">{c.keycode}</dd>
                  </dl>
                  <p class="slip-test">
                    {unitLabel(cat, s.unit)}, {formatDateTime(s.starts_at)} UTC, {s.room}
                  </p>
                  <p class="slip-where">Log in at {location.origin}/</p>
                </li>
              ))}
            </ul>
          </Printout>
        );
      }}
    </Loaded>
  );
}
