// The public JSON endpoints (google.api.http transcoding) the page reads, with the signed-in session's token. In standalone
// mode and behind the gateway every service answers under the page's own origin, so paths are relative.
let headers = {};
export let signedInNetwork = '';

const returnKey = 'networkplatform.dashboard.return';

/**
 * The access token comes from the signed-in session (an HttpOnly cookie), never from the address; it is renewed there.
 * Without a session the page goes to sign in, keeping its fragment (network, year, group) to come back to: the sign-in's
 * redirects through the issuer lose it.
 */
export async function session() {
  const response = await fetch('/dashboard/session', { cache: 'no-store' });
  const body = await response.json();
  if (response.status === 401) {
    sessionStorage.setItem(returnKey, location.hash);
    location.assign('/dashboard/signin');
    await new Promise(() => {}); // the page is leaving
  }
  if (!response.ok) throw new Error(body.error || response.statusText);
  signedInNetwork = body.networkId;
  headers = { authorization: 'Bearer ' + body.accessToken };
  return headers;
}

/** Back from signing in: the fragment the page had before. */
export function restoreFragment() {
  const saved = sessionStorage.getItem(returnKey);
  sessionStorage.removeItem(returnKey);
  if (saved && !location.hash) history.replaceState(null, '', saved);
}

export async function getJson(path, query = {}) {
  await session();
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== ''));
  const response = await fetch(`${path}${search.size ? '?' + search : ''}`, { headers });
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${body.message || response.statusText}`);
  return body;
}

/** Every page of a paged list (page_size 200, next_page_token), e.g. a network's groups or a group's meetings of a year. */
export async function listAll(path, field, query = {}) {
  const items = [];
  let pageToken = '';
  do {
    const page = await getJson(path, { ...query, pageSize: 200, pageToken });
    items.push(...(page[field] || []));
    pageToken = page.nextPageToken || '';
  } while (pageToken);
  return items;
}

export const networkPath = network => `/v1/networks/${encodeURIComponent(network)}`;
