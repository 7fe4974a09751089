// The console's entry point: signing in and out, and switching between views.
import { api, currentKey, forgetKey, rememberKey } from './api.js';
import { say } from './ui.js';
import { setUpSearch } from './search.js';
import { setUpDecode, setUpOutage } from './actions.js';
import { startLive, stopLive, setUpLive } from './live.js';
import { setUpAudit, loadAudit } from './audit.js';

const $ = id => document.getElementById(id);

async function signIn(key) {
  const me = await api('GET', '/staff/me', undefined, key);
  rememberKey(key);
  $('who-name').textContent = me.name;
  $('who-role').textContent = me.role;
  // Only what the role may do is shown; the server refuses the rest anyway.
  for (const item of document.querySelectorAll('[data-supervisor]')) item.hidden = !me.supervisor;
  $('sign-in').hidden = true;
  $('who').hidden = false;
  $('workspace').hidden = false;
  show('search');
  $('search-text').focus();
}

function signOut(message = '') {
  forgetKey();
  stopLive();
  $('workspace').hidden = true;
  $('who').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message;
  $('api-key').value = '';
  $('api-key').focus();
}

function show(view) {
  for (const button of document.querySelectorAll('nav [data-view]')) {
    if (button.dataset.view === view) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  for (const panel of document.querySelectorAll('.view')) panel.hidden = panel.id !== `view-${view}`;
  say('');
  if (view === 'live') startLive();
  else stopLive();
  if (view === 'audit') loadAudit();
}

$('sign-in-form').addEventListener('submit', async event => {
  event.preventDefault();
  $('sign-in-error').textContent = '';
  try {
    await signIn($('api-key').value.trim());
  } catch (error) {
    $('sign-in-error').textContent = error.status === 401 ? 'That key is not a staff key of this Gateway.'
      : error.status === 403 ? 'This key\'s role cannot use the console (agents, supervisors and admins can).'
      : `Could not sign in: ${error.message}`;
  }
});
$('sign-out').addEventListener('click', () => signOut());
document.addEventListener('signed-out', () => signOut('Your key is no longer accepted: sign in again.'));
for (const button of document.querySelectorAll('nav [data-view]')) button.addEventListener('click', () => show(button.dataset.view));

setUpSearch();
setUpDecode();
setUpOutage();
setUpLive();
setUpAudit();

// A reload in the same tab keeps the session.
if (currentKey()) signIn(currentKey()).catch(() => signOut());
else $('api-key').focus();
