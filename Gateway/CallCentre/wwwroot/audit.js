// The audit view (supervisors): every staff call of the last 24 hours with who, what, why and how it ended.
import { api, query } from './api.js';
import { el, fill, say, when } from './ui.js';

const $ = id => document.getElementById(id);

export async function loadAudit() {
  try {
    const entries = await api('GET', `/staff/audit?${query({ who: $('audit-who').value.trim(), limit: 200 })}`);
    fill($('audit-rows'), entries.map(a => el('tr', {},
      el('td', {}, when(a.at)), el('td', {}, a.who), el('td', {}, a.role), el('td', {}, a.action), el('td', {}, a.target),
      el('td', {}, a.reason ?? ''), el('td', { class: a.status >= 400 ? 'error' : '' }, String(a.status)))));
    say(entries.length === 1 ? '1 audit entry.' : `${entries.length} audit entries.`);
  } catch (error) {
    say(error.message, true);
  }
}

export function setUpAudit() {
  $('audit-form').addEventListener('submit', event => {
    event.preventDefault();
    loadAudit();
  });
}
