// The staff API, called with the signed-in key. The key is kept in this tab's sessionStorage only: never in a URL or a cookie,
// and gone when the tab closes.

const storageKey = 'smsvending.staffKey';

/** The signed-in key, or null. */
export const currentKey = () => sessionStorage.getItem(storageKey);

export const rememberKey = key => sessionStorage.setItem(storageKey, key);

export const forgetKey = () => sessionStorage.removeItem(storageKey);

/** An answer other than 2xx, with the server's reason. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Calls the staff API; answers the parsed JSON, or throws ApiError with the problem's detail. */
export async function api(method, path, body, key = currentKey()) {
  const headers = { 'X-Api-Key': key ?? '', Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit',
  });
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { detail: text };
  }
  if (!response.ok) {
    if (response.status === 401 && key === currentKey()) document.dispatchEvent(new CustomEvent('signed-out'));
    throw new ApiError(response.status, data?.detail ?? data?.title ?? `the Gateway answered ${response.status}`);
  }
  return data;
}

/** A query string from the given values, leaving out the empty ones. */
export const query = values =>
  new URLSearchParams(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
