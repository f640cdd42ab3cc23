namespace NetworkPlatform.Reporting.Dashboard;

/// <summary>
/// The dashboard page: no build step and no external scripts (the machines it runs on may be offline). It reads the
/// network and year from the address's fragment (#network=...&amp;year=..., default: the signed-in person's network), its
/// token from the signed-in session, draws the figures as tables and SVG bars, and refreshes them whenever the live event
/// stream delivers an event.
/// </summary>
internal static class DashboardPage
{
    public const string Html = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Network Platform dashboard</title>
<style>
  :root { font-family: system-ui, sans-serif; color: #1d2433; background: #f5f6f8; }
  body { margin: 0; }
  header { background: #1f4e79; color: white; padding: 12px 16px; }
  header h1 { margin: 0; font-size: 1.2rem; }
  header p { margin: 4px 0 0; opacity: .85; font-size: .85rem; }
  main { display: grid; gap: 12px; padding: 12px; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); }
  section { background: white; border-radius: 8px; padding: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  h2 { font-size: 1rem; margin: 0 0 8px; }
  .tiles { display: grid; grid-template-columns: repeat(2, 1fr); gap: 8px; }
  .tile { background: #eef3f9; border-radius: 6px; padding: 8px; }
  .tile b { display: block; font-size: 1.4rem; }
  table { width: 100%; border-collapse: collapse; font-size: .85rem; }
  th, td { text-align: left; padding: 4px; border-bottom: 1px solid #e3e6eb; }
  .bar { height: 10px; background: #2e7d32; border-radius: 3px; }
  .bar.late { background: #c62828; }
  #events li { font-size: .8rem; margin-bottom: 2px; }
  #error { color: #c62828; padding: 0 16px; }
</style>
</head>
<body>
<header>
  <h1>Network health: <span id="network">-</span> <span id="year"></span></h1>
  <p>Updated <span id="updated">never</span> · <span id="live">connecting…</span> · <span id="events-seen">0</span> events</p>
</header>
<p id="error" role="alert"></p>
<main>
  <section><h2>Key figures</h2>
    <div class="tiles">
      <div class="tile">Attendance<b id="attendance">-</b></div>
      <div class="tile">Minutes published<b id="documented">-</b></div>
      <div class="tile">Meetings held<b id="held">-</b></div>
      <div class="tile">Cadence breaches<b id="breaches">-</b></div>
      <div class="tile">Measures on track<b id="on-track">-</b></div>
      <div class="tile">Measures late<b id="late">-</b></div>
    </div>
  </section>
  <section><h2>Groups: attendance and drop-out</h2>
    <table><thead><tr><th>Group</th><th>Attendance</th><th>Drop-out</th><th>Held</th><th>Minutes</th></tr></thead>
      <tbody id="groups"></tbody></table>
  </section>
  <section><h2>Measure progress</h2>
    <table><thead><tr><th>Measure</th><th>Progress</th><th></th></tr></thead><tbody id="measures"></tbody></table>
  </section>
  <section><h2>Organisations: time invested</h2>
    <table><thead><tr><th>Organisation</th><th>Attendance</th><th>Hours set aside</th><th>In meetings</th></tr></thead>
      <tbody id="organisations"></tbody></table>
  </section>
  <section><h2>Live events</h2><ul id="events"></ul></section>
</main>
<script>
const params = new URLSearchParams(location.hash.slice(1));
const year = params.get('year') || new Date().getFullYear();
let network = params.get('network'), headers = {};
const $ = id => document.getElementById(id);
const pct = r => r && r.value !== undefined && r.value !== null ? Math.round(r.value * 100) + ' %' : '–';
const esc = s => String(s).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
$('year').textContent = year;

// The access token comes from the signed-in session (an HttpOnly cookie), never from the address; it is renewed there.
async function session() {
  const response = await fetch('/dashboard/session', { cache: 'no-store' });
  const body = await response.json();
  if (response.status === 401) { location.reload(); }
  if (!response.ok) throw new Error(body.error || response.statusText);
  network = network || body.networkId;
  headers = { authorization: 'Bearer ' + body.accessToken };
  $('network').textContent = network;
}

async function getJson(path) {
  await session();
  const response = await fetch(`/v1/networks/${encodeURIComponent(network)}/${path}?year=${year}`, { headers });
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || response.statusText);
  return body;
}

async function refresh() {
  try {
    const [health, measures] = await Promise.all([getJson('health'), getJson('measureProgress')]);
    $('attendance').textContent = pct(health.attendance);
    $('documented').textContent = pct(health.documented);
    $('held').textContent = health.heldMeetings;
    $('breaches').textContent = health.cadenceBreaches;
    $('on-track').textContent = health.measuresOnTrack;
    $('late').textContent = health.measuresLate;
    $('events-seen').textContent = health.eventsSeen;
    $('groups').innerHTML = health.groups.map(g =>
      `<tr><td>${esc(g.groupId)}</td><td>${pct(g.attendance)}</td><td>${pct(g.dropOut)}</td>` +
      `<td>${g.heldMeetings}</td><td>${pct(g.documented)}</td></tr>`).join('');
    $('organisations').innerHTML = health.organisations.map(o =>
      `<tr><td>${esc(o.organisationId)}</td><td>${pct(o.attendance)}</td>` +
      `<td>${o.hoursSetAside.toFixed(1)}</td><td>${o.hoursInMeetings.toFixed(1)}</td></tr>`).join('');
    $('measures').innerHTML = measures.measures.map(m =>
      `<tr><td>${esc(m.title)}</td><td><svg width="100" height="10" role="img" aria-label="${m.percent} percent">` +
      `<rect width="${m.percent}" height="10" fill="${m.late ? '#c62828' : '#2e7d32'}"/></svg></td>` +
      `<td>${Math.round(m.percent)} %${m.late ? ' late' : ''}</td></tr>`).join('');
    $('updated').textContent = new Date().toLocaleTimeString();
    $('error').textContent = '';
  } catch (e) {
    $('error').textContent = 'Could not load the figures: ' + e.message;
  }
}

// gRPC-Web (binary) call of networkplatform.reporting.v1.ReportingService/WatchEvents: the request and each EventEnvelope
// are protobuf in 5-byte-prefixed frames; a frame whose first byte has bit 0x80 carries the trailers (grpc-status).
function frame(message) {
  const out = new Uint8Array(5 + message.length);
  new DataView(out.buffer).setUint32(1, message.length);
  out.set(message, 5);
  return out;
}

function stringField(number, text) {
  const bytes = new TextEncoder().encode(text), out = [(number << 3) | 2];
  for (let n = bytes.length; ; n >>>= 7) { if (n < 0x80) { out.push(n); break; } out.push((n & 0x7f) | 0x80); }
  return Uint8Array.from([...out, ...bytes]);
}

function fields(bytes) {
  const found = {};
  let i = 0;
  const varint = () => {
    let value = 0, shift = 0, b;
    do { b = bytes[i++]; value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return value;
  };
  while (i < bytes.length) {
    const key = varint(), number = Math.floor(key / 8), type = key & 7;
    if (type === 0) found[number] = varint();
    else if (type === 2) { const length = varint(); found[number] = bytes.subarray(i, i + length); i += length; }
    else if (type === 1) i += 8;
    else if (type === 5) i += 4;
    else throw new Error('unexpected wire type ' + type);
  }
  return found;
}

const text = bytes => bytes ? new TextDecoder().decode(bytes) : '';

async function follow() {
  try {
    await session();
    const response = await fetch('/networkplatform.reporting.v1.ReportingService/WatchEvents', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/grpc-web+proto', 'x-grpc-web': '1' },
      body: frame(stringField(1, network)),
    });
    if (!response.ok || (response.headers.get('grpc-status') || '0') !== '0') {
      throw new Error(decodeURIComponent(response.headers.get('grpc-message') || response.statusText));
    }
    $('live').textContent = 'live';
    const reader = response.body.getReader();
    let buffer = new Uint8Array(0), pending;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer = Uint8Array.from([...buffer, ...value]);
      while (buffer.length >= 5) {
        const length = new DataView(buffer.buffer, buffer.byteOffset).getUint32(1);
        if (buffer.length < 5 + length) break;
        const flags = buffer[0], message = buffer.slice(5, 5 + length);
        buffer = buffer.slice(5 + length);
        if (flags & 0x80) continue; // trailers: the stream ends
        const envelope = fields(message), occurred = fields(envelope[5] || new Uint8Array(0));
        const item = document.createElement('li');
        item.textContent = `${new Date((occurred[1] || 0) * 1000).toLocaleString()} ${text(envelope[2])} ${text(envelope[3])}`;
        $('events').prepend(item);
        clearTimeout(pending);
        pending = setTimeout(refresh, 300);
      }
    }
  } catch (e) {
    $('live').textContent = 'live feed lost (' + e.message + '), retrying';
  }
  setTimeout(follow, 2000);
}

session().then(() => { refresh(); follow(); }, e => { $('error').textContent = 'Could not sign in: ' + e.message; });
</script>
</body>
</html>
""";
}
