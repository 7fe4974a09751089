// The live view: messages in and out per minute as a bar chart, purchases by outcome and failures by reason, refreshed every
// 10 seconds while it is shown.
import { api, query } from './api.js';
import { el, fill, say, words } from './ui.js';

const $ = id => document.getElementById(id);
const svg = 'http://www.w3.org/2000/svg';
let timer = null;

const shape = (tag, attributes) => {
  const node = document.createElementNS(svg, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
};

const minute = iso => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

function chart(minutes) {
  const [width, height, bottom] = [600, 200, 20];
  const top = Math.max(1, ...minutes.flatMap(m => [m.in, m.out]));
  const slot = width / minutes.length;
  const bar = Math.max(1, slot / 2 - 1);
  const title = $('live-chart-title');
  const total = (key) => minutes.reduce((sum, m) => sum + m[key], 0);
  title.textContent = `Messages per minute over ${minutes.length} minutes: ${total('in')} in, ${total('out')} out; busiest minute ${top}.`;
  const shapes = [title, shape('line', { x1: 0, y1: height - bottom, x2: width, y2: height - bottom, class: 'axis' })];
  minutes.forEach((m, i) => {
    for (const [key, offset] of [['in', 0], ['out', bar]]) {
      const h = ((height - bottom - 4) * m[key]) / top;
      shapes.push(shape('rect', { x: i * slot + offset, y: height - bottom - h, width: bar, height: h, class: `bar ${key}`, 'data-count': m[key] }));
    }
    if (i % Math.ceil(minutes.length / 6) === 0) {
      const label = shape('text', { x: i * slot, y: height - 5, class: 'tick' });
      label.textContent = minute(m.at);
      shapes.push(label);
    }
  });
  if (top === 1 && total('in') + total('out') === 0) {
    const empty = shape('text', { x: width / 2, y: height / 2, class: 'empty', 'text-anchor': 'middle' });
    empty.textContent = 'No messages in this window.';
    shapes.push(empty);
  }
  $('live-chart').replaceChildren(...shapes);
}

function bars(list, counts, empty) {
  const top = Math.max(1, ...counts.map(c => c.count));
  fill(list, counts.length === 0 ? [el('li', { class: 'empty' }, empty)] : counts.map(c => {
    const meter = el('span', { class: 'fill' });
    meter.style.width = `${(100 * c.count) / top}%`; // CSSOM, which the page's policy allows (inline style attributes it does not)
    return el('li', { 'data-name': c.name }, el('span', { class: 'name' }, words(c.name)), el('span', { class: 'track' }, meter), el('span', { class: 'count' }, String(c.count)));
  }));
}

async function refresh() {
  try {
    const live = await api('GET', `/staff/live?${query({ minutes: $('live-minutes').value })}`);
    chart(live.minutes);
    bars($('live-purchases'), live.purchases, 'No purchases in this window.');
    bars($('live-failures'), live.failures, 'No failures in this window.');
    fill($('live-minutes-rows'), live.minutes.map(m => el('tr', {}, el('td', {}, minute(m.at)), el('td', {}, String(m.in)), el('td', {}, String(m.out)))));
  } catch (error) {
    say(`Live view: ${error.message}`, true);
  }
}

export function startLive() {
  stopLive();
  refresh();
  timer = setInterval(refresh, 10_000);
}

export function stopLive() {
  if (timer !== null) clearInterval(timer);
  timer = null;
}

export function setUpLive() {
  $('live-form').addEventListener('submit', event => {
    event.preventDefault();
    refresh();
  });
  $('live-minutes').addEventListener('change', refresh);
}
