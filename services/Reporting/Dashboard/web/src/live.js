// The live panel: gRPC-Web (binary) call of networkplatform.reporting.v1.ReportingService/WatchEvents. The request and each
// EventEnvelope are protobuf in 5-byte-prefixed frames; a frame whose first byte has bit 0x80 carries the trailers.
import { session } from './api.js';

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

/** An EventEnvelope as the JSON API writes it, from its protobuf bytes. */
function envelope(message) {
  const f = fields(message), occurred = fields(f[5] || new Uint8Array(0));
  return { eventId: text(f[1]), kind: text(f[2]), aggregateId: text(f[3]), occurredAt: new Date((occurred[1] || 0) * 1000).toISOString() };
}

/** Calls onEvent with each event of the network as it arrives; onState with true (live) or false (lost, retrying). */
export async function follow(network, onEvent, onState) {
  try {
    const headers = await session();
    const response = await fetch('/networkplatform.reporting.v1.ReportingService/WatchEvents', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/grpc-web+proto', 'x-grpc-web': '1' },
      body: frame(stringField(1, network)),
    });
    if (!response.ok || (response.headers.get('grpc-status') || '0') !== '0') {
      throw new Error(decodeURIComponent(response.headers.get('grpc-message') || response.statusText));
    }
    onState(true);
    const reader = response.body.getReader();
    let buffer = new Uint8Array(0);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer = Uint8Array.from([...buffer, ...value]);
      while (buffer.length >= 5) {
        const length = new DataView(buffer.buffer, buffer.byteOffset).getUint32(1);
        if (buffer.length < 5 + length) break;
        const flags = buffer[0], message = buffer.slice(5, 5 + length);
        buffer = buffer.slice(5 + length);
        if (!(flags & 0x80)) onEvent(envelope(message));
      }
    }
  } catch {
    // Reported through onState below; the loop tries again.
  }
  onState(false);
  setTimeout(() => follow(network, onEvent, onState), 2000);
}
