// Finding a customer by phone, meter, token, M-Pesa receipt or reference, and their timeline newest first with its actions.
import { api, query } from './api.js';
import { digits, el, fill, grouped, say, when, words } from './ui.js';
import { replay, resend } from './actions.js';

const $ = id => document.getElementById(id);
let shownPhone = null;

/** What the text most likely is: 20 digits a token, 11 or 13 a meter, a phone in national or international form, else a reference. */
export function guessKind(text) {
  const bare = digits(text);
  if (/^\d{20}$/.test(bare)) return 'token';
  if (/^\d{11}$|^\d{13}$/.test(bare)) return 'meter';
  if (/^\+\d{8,15}$/.test(bare) || /^0\d{9}$/.test(bare) || /^254\d{9}$/.test(bare)) return 'phone';
  return 'reference';
}

async function search(kind, text) {
  $('matches').hidden = true;
  if (kind === 'phone') return openTimeline(text);
  const value = kind === 'reference' ? text.trim() : digits(text);
  say('Searching…');
  const [messages, purchases] = await Promise.all([
    api('GET', `/staff/messages?${query({ [kind]: value, limit: 50 })}`),
    kind === 'token' ? [] : api('GET', `/staff/purchases?${query({ [kind]: value, limit: 50 })}`),
  ]);
  const phones = [...new Set([...messages.map(m => m.phone), ...purchases.map(p => p.phone)].filter(p => p))];
  showMatches(messages, purchases, kind, value);
  if (phones.length === 1) return openTimeline(phones[0]);
  $('timeline').hidden = true;
  say(phones.length === 0 ? `Nothing found for that ${words(kind).toLowerCase()}.` : `${phones.length} customers match: pick one.`);
}

function showMatches(messages, purchases, kind, value) {
  const rows = [
    ...messages.map(m => ({ at: m.time, what: `${m.channel.toUpperCase()} ${m.direction}`, phone: m.phone, meter: m.meterNumber, status: m.status, text: m.body })),
    ...purchases.map(p => ({ at: p.createdAt, what: 'purchase', phone: p.phone, meter: p.meterNumber, status: p.status, text: `${p.currency} ${p.amount}` })),
  ].sort((a, b) => new Date(b.at) - new Date(a.at));
  fill($('matches-rows'), rows.map(r => el('tr', {},
    el('td', {}, when(r.at)), el('td', {}, r.what),
    el('td', {}, r.phone ? el('button', { type: 'button', textContent: r.phone, 'aria-label': `Open the timeline of ${r.phone}`, onclick: () => openTimeline(r.phone) }) : '—'),
    el('td', {}, r.meter ?? ''), el('td', {}, r.status ?? ''), el('td', {}, r.text ?? ''))));
  $('matches-caption').textContent = `${rows.length} found by ${words(kind).toLowerCase()} ${value}`;
  $('matches').hidden = rows.length === 0;
}

/** Loads and shows a customer's timeline. */
export async function openTimeline(phone) {
  say('Loading the timeline…');
  const timeline = await api('GET', `/staff/customers/${encodeURIComponent(phone.trim())}/timeline`);
  shownPhone = timeline.phone;
  $('decode-phone').value = timeline.phone;
  $('customer-title').textContent = timeline.found ? `${timeline.name ?? 'No name'} — ${timeline.phone}` : `${timeline.phone} (not a registered customer)`;
  const meters = timeline.meters.map(m => `${m.meterNumber} (${m.role})`).join(', ') || 'none';
  fill($('customer-facts'), timeline.found ? [
    el('dt', {}, 'Wallet'), el('dd', {}, `${timeline.currency} ${timeline.walletBalance.toFixed(2)}`),
    el('dt', {}, 'Language'), el('dd', {}, timeline.language ?? ''),
    el('dt', {}, 'Meters'), el('dd', {}, meters),
  ] : []);
  fill($('timeline-rows'), timeline.entries.map(row));
  $('timeline').hidden = false;
  say(`${timeline.entries.length} entries for ${timeline.phone}.`);
}

const kindNames = {
  'sms-in': 'SMS in', 'sms-out': 'SMS out', 'ussd-in': 'USSD', 'mpesa-c2b-in': 'M-Pesa payment', 'mpesa-stk-in': 'M-Pesa prompt answer',
  purchase: 'Purchase', 'payment:c2b': 'Payment (paybill)', 'payment:stk': 'Payment (prompt)',
};

// A refusal as Vending words it, "Code: facts", with the code in words.
const reason = detail => {
  const [code, ...facts] = detail.split(':');
  return [words(code), ...facts].join(':');
};

function row(entry) {
  const inbound = entry.messageId !== null && entry.messageId !== undefined;
  const details = [
    inbound && entry.command ? el('span', { class: 'parsed' }, `read as ${entry.command}`) : null,
    entry.detail ? el('span', { class: 'reason' }, entry.kind === 'purchase' ? reason(entry.detail) : entry.detail) : null,
    entry.text ? el('q', {}, entry.text) : null,
  ].filter(d => d);
  const actions = [];
  if (entry.purchaseId && entry.tokens.length > 0) {
    actions.push(el('button', { type: 'button', textContent: 'Resend tokens', onclick: () => act(
      () => resend(entry.purchaseId, shownPhone, entry.reference), r => `Resend queued (${r.requestId}): the SMS follows.`) }));
  }
  if (inbound) {
    actions.push(el('button', { type: 'button', textContent: 'Replay', onclick: () => act(
      () => replay(entry.messageId, entry.reference, entry.text), r => `Replay started (${r.replayId}): its answer follows.`) }));
  }
  return el('tr', { 'data-kind': entry.kind, 'data-reference': entry.reference ?? '' },
    el('td', { class: 'when' }, el('time', { dateTime: entry.at }, when(entry.at))),
    el('td', {}, kindNames[entry.kind] ?? words(entry.kind)),
    el('td', {}, entry.reference ?? ''),
    el('td', { class: `status ${entry.status ?? ''}` }, entry.status ? words(entry.status) : ''),
    el('td', {}, ...details),
    el('td', {}, entry.meterNumber ?? ''),
    el('td', { class: 'number' }, entry.amount === null || entry.amount === undefined ? '' : entry.amount.toFixed(2)),
    el('td', { class: 'tokens' }, ...entry.tokens.map(t => el('span', { class: 'token' }, grouped(t)))),
    el('td', {}, ...actions));
}

async function act(action, done) {
  try {
    const result = await action();
    if (result === null) return; // the agent cancelled
    say(done(result));
    await openTimeline(shownPhone);
    say(done(result));
  } catch (error) {
    say(error.message, true);
  }
}

export function setUpSearch() {
  $('search-form').addEventListener('submit', async event => {
    event.preventDefault();
    const text = $('search-text').value;
    const chosen = $('search-kind').value;
    try {
      await search(chosen === 'auto' ? guessKind(text) : chosen, text);
    } catch (error) {
      say(error.message, true);
    }
  });
  $('timeline-refresh').addEventListener('click', () => openTimeline(shownPhone).catch(error => say(error.message, true)));
}
