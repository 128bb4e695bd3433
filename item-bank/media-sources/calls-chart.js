// Draws a calls chart from window.chart (set by the page that loads this): a
// bar for the calls arriving in each hour, a dashed step line for the calls the
// advisers on duty can answer, and both figures in a table under the hours. The
// two series differ in shape as well as colour (solid bars; a dashed line with
// square markers), and every figure is written out, so nothing depends on
// judging a length or telling colours apart.
(function () {
  const c = window.chart;
  const ns = 'http://www.w3.org/2000/svg';
  const width = 720, height = 440;
  const left = 104, right = 12, top = 104, plotH = 240;
  const base = top + plotH;
  const plotW = width - left - right;
  const y = (v) => base - (v / c.max) * plotH;
  const slot = plotW / c.hours.length;
  const mid = (i) => left + i * slot + slot / 2;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const add = (tag, attrs, text) => {
    const el = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    if (text !== undefined) el.textContent = text;
    svg.appendChild(el);
    return el;
  };
  add('text', { x: 12, y: 30, class: 'title' }, c.title);
  // The key.
  add('rect', { x: 12, y: 46, width: 18, height: 18, class: 'bar' });
  add('text', { x: 36, y: 61, class: 'key' }, c.arrivingKey);
  add('line', { x1: 200, y1: 55, x2: 240, y2: 55, class: 'capacity' });
  add('rect', { x: 215, y: 50, width: 10, height: 10, class: 'marker' });
  add('text', { x: 248, y: 61, class: 'key' }, c.capacityKey);
  // Grid and axis.
  for (let v = 0; v <= c.max; v += c.step) {
    add('line', { x1: left, y1: y(v), x2: width - right, y2: y(v), class: v === 0 ? 'axis' : 'grid' });
    add('text', { x: left - 8, y: y(v) + 5, class: 'tick', 'text-anchor': 'end' }, String(v));
  }
  add('text', { x: 12, y: top + plotH / 2, class: 'tick' }, 'Calls');
  add('text', { x: 12, y: top + plotH / 2 + 18, class: 'tick' }, 'per hour');
  c.hours.forEach((h, i) => {
    add('rect', { x: left + i * slot + slot * 0.18, y: y(h.arriving), width: slot * 0.64, height: base - y(h.arriving), class: 'bar' });
  });
  let d = '';
  c.hours.forEach((h, i) => {
    d += `${i === 0 ? 'M' : 'L'}${left + i * slot},${y(h.capacity)} L${left + (i + 1) * slot},${y(h.capacity)} `;
  });
  add('path', { d, class: 'capacity' });
  c.hours.forEach((h, i) => add('rect', { x: mid(i) - 5, y: y(h.capacity) - 5, width: 10, height: 10, class: 'marker' }));
  // A note over the hours it concerns, with a bracket showing where they start and end.
  for (const note of c.notes ?? []) {
    const x0 = left + note.from * slot + 3, x1 = left + note.to * slot - 3;
    add('text', { x: (x0 + x1) / 2, y: top - 16, class: 'note', 'text-anchor': 'middle' }, note.text);
    add('path', { d: `M${x0},${top - 2} L${x0},${top - 8} L${x1},${top - 8} L${x1},${top - 2}`, class: 'bracket' });
  }
  // The table of figures under the hours.
  const rows = [
    { label: 'Hour', value: (h) => h.label, cls: 'tick' },
    { label: c.arrivingRow, value: (h) => String(h.arriving), cls: 'arriving-value' },
    { label: c.capacityRow, value: (h) => String(h.capacity), cls: 'capacity-value' },
  ];
  rows.forEach((row, r) => {
    const ry = base + 26 + r * 26;
    add('text', { x: 12, y: ry, class: row.cls }, row.label);
    c.hours.forEach((h, i) => add('text', { x: mid(i), y: ry, class: row.cls, 'text-anchor': 'middle' }, row.value(h)));
    if (r > 0) add('line', { x1: 12, y1: ry - 19, x2: width - right, y2: ry - 19, class: 'grid' });
  });
  document.body.appendChild(svg);
})();
