// What staff do, each with a short reason for the audit: resend a purchase's tokens, replay a stored message, decode a token,
// and (supervisors) replay every failed message of an outage window after counting them.
import { api } from './api.js';
import { digits, el, fill, say, when } from './ui.js';

const $ = id => document.getElementById(id);

/** Asks for the reason in a modal dialog; answers it, or null when the agent cancels. */
export function askReason(title, what) {
  const dialog = $('reason-dialog');
  $('reason-title').textContent = title;
  $('reason-what').textContent = what;
  $('reason-text').value = '';
  return new Promise(resolve => {
    const finish = answer => {
      $('reason-form').removeEventListener('submit', submitted);
      $('reason-cancel').removeEventListener('click', cancelled);
      dialog.removeEventListener('cancel', cancelled);
      if (dialog.open) dialog.close();
      resolve(answer);
    };
    const submitted = event => {
      event.preventDefault();
      finish($('reason-text').value.trim());
    };
    const cancelled = event => {
      event.preventDefault();
      finish(null);
    };
    $('reason-form').addEventListener('submit', submitted);
    $('reason-cancel').addEventListener('click', cancelled);
    dialog.addEventListener('cancel', cancelled); // Escape
    dialog.showModal();
    $('reason-text').focus();
  });
}

/** Sends a purchase's tokens again to the customer's phone (never a new vend); null when cancelled. */
export async function resend(purchaseId, phone, reference) {
  const reason = await askReason('Resend tokens', `The tokens of purchase ${reference} go again by SMS to ${phone}.`);
  return reason === null ? null : api('POST', `/staff/purchases/${purchaseId}/resend`, { phone, reason });
}

/** Runs a stored inbound message again (a purchase is never vended twice); null when cancelled. */
export async function replay(messageId, reference, text) {
  const reason = await askReason('Replay message', `Message ${reference}${text ? ` ("${text}")` : ''} is run again.`);
  return reason === null ? null : api('POST', `/staff/messages/${messageId}/replay`, { reason });
}

export function setUpDecode() {
  $('decode-form').addEventListener('submit', async event => {
    event.preventDefault();
    const result = $('decode-result');
    result.hidden = true;
    try {
      const decoded = await api('POST', '/staff/tokens/decode', {
        token: digits($('decode-token').value), meter: digits($('decode-meter').value) || null,
        phone: $('decode-phone').value.trim() || null, reason: $('decode-reason').value.trim(),
      });
      fill(result, [
        ['Meter', decoded.meterNumber], ['What', decoded.description], ['Made', decoded.issuedAt ? when(decoded.issuedAt) : 'unknown'],
        ['Amount', decoded.amount === null ? '—' : `${decoded.amount} ${decoded.unit ?? ''}`],
        ['Issued by us', decoded.issuedByUs ? `yes${decoded.requestId ? `, for request ${decoded.requestId}` : ''}` : 'no: not a token this system made'],
      ].flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
      result.hidden = false;
      say('Token decoded.');
    } catch (error) {
      say(`Could not decode: ${error.message}`, true);
    }
  });
}

export function setUpOutage() {
  let outage = null;
  const run = $('outage-run');
  $('outage-form').addEventListener('submit', async event => {
    event.preventDefault();
    run.hidden = true;
    outage = {
      from: new Date($('outage-from').value).toISOString(), to: new Date($('outage-to').value).toISOString(), reason: $('outage-reason').value.trim(),
    };
    try {
      const preview = await api('POST', '/staff/messages/replay', { ...outage, preview: true });
      $('outage-preview').textContent = `${preview.count} failed or stuck messages in that window.`;
      run.textContent = `Replay ${preview.count} messages`;
      run.hidden = preview.count === 0;
      if (preview.count > 0) run.focus();
    } catch (error) {
      say(error.message, true);
    }
  });
  run.addEventListener('click', async () => {
    run.hidden = true;
    try {
      const done = await api('POST', '/staff/messages/replay', { ...outage, preview: false });
      $('outage-preview').textContent = `Replayed ${done.count} messages (batch ${done.batchId}).`;
      say(`Replayed ${done.count} messages.`);
    } catch (error) {
      say(error.message, true);
    }
  });
}
