// One candidate's row in the room. Memoised: a row redraws only when its own
// data changes, or each second while its clock runs.
import { Component } from 'preact';
import {
  connectionText,
  formatDuration,
  irregularityText,
  isDisconnected,
  isFinished,
  remainingMs,
  rowTicks,
  stateLabels,
  type RoomRow,
} from './room-model';
import { TickingText } from './ticking-text';

export type RowAction = 'admit' | 'pause' | 'resume' | 'extra-time' | 'void' | 'incident';

interface Props {
  row: RoomRow;
  // How far the server's clock is ahead of this browser's: clocks count on the server's time.
  offsetMs: number;
  onAction: (action: RowAction, row: RoomRow) => void;
}

function RowView({ row, offsetMs, onAction }: Props) {
  const a = row.attempt;
  const ticks = rowTicks(row);
  const name = `${row.given_name} ${row.family_name}`;
  const flags = irregularityText(row);
  const disconnected = isDisconnected(row);
  const finished = isFinished(row);
  return (
    <tr class={`row-${row.state}${disconnected ? ' row-disconnected' : ''}`} data-booking={row.booking}>
      <th scope="row" class="cell-candidate">
        <span class="candidate-name">{name}</span>
        <span class="candidate-number">{row.candidate_number}</span>
        {row.extra_time_percent > 0 && (
          <span class="tag tag-arrangement" title="Access arrangement: extra time">
            +{row.extra_time_percent} %
          </span>
        )}
      </th>
      <td class="cell-state">
        <span class={`state state-${row.state}`}>{stateLabels[row.state]}</span>
        {a?.submitted_by && row.state !== 'void' && <span class="sub"> by {a.submitted_by.replace(/_/g, ' ')}</span>}
        {a?.void_reason && <span class="sub"> {a.void_reason}</span>}
      </td>
      <td class="cell-answered">{a ? `${a.answered} of ${a.items}` : '–'}</td>
      <td class="cell-remaining">
        <TickingText
          ticks={ticks && a !== null && a.running}
          text={(local) => {
            const left = remainingMs(row, local + offsetMs);
            return left === null ? '–' : formatDuration(left);
          }}
        />
        {a && a.added_minutes > 0 && <span class="sub"> (+{a.added_minutes} min)</span>}
      </td>
      <td class={disconnected ? 'cell-connection warn' : 'cell-connection'}>
        <TickingText ticks={ticks} text={(local) => connectionText(row, local + offsetMs)} />
      </td>
      <td class="cell-flags">
        {flags.length === 0 ? (
          <span class="none">None</span>
        ) : (
          <ul class="flags">
            {flags.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <div class="cell-actions">
        {row.state === 'booked' && !row.admitted_at && (
          <button type="button" onClick={() => onAction('admit', row)}>
            Admit<span class="visually-hidden"> {name}</span>
          </button>
        )}
        {row.state === 'in_progress' && (
          <button type="button" class="secondary" onClick={() => onAction('pause', row)}>
            Pause<span class="visually-hidden"> {name}</span>
          </button>
        )}
        {row.state === 'paused' && (
          <button type="button" onClick={() => onAction('resume', row)}>
            Resume<span class="visually-hidden"> {name}</span>
          </button>
        )}
        {a && !finished && (
          <button type="button" class="secondary" onClick={() => onAction('extra-time', row)}>
            Extra time<span class="visually-hidden"> for {name}</span>
          </button>
        )}
        {a && row.state !== 'void' && (
          <button type="button" class="secondary danger" onClick={() => onAction('void', row)}>
            Void<span class="visually-hidden"> {name}'s attempt</span>
          </button>
        )}
        <button type="button" class="secondary" onClick={() => onAction('incident', row)}>
          Incident<span class="visually-hidden"> for {name}</span>
        </button>
        </div>
      </td>
    </tr>
  );
}

export class RoomRowView extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    return next.row !== this.props.row || next.offsetMs !== this.props.offsetMs || next.onAction !== this.props.onAction;
  }
  override render() {
    return <RowView {...this.props} />;
  }
}
