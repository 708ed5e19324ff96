// Every call goes to this origin (/proposals/…, /members/…), which forwards it to the service (ADR 0020).
// Errors are the services' problem+json: their title is what the user reads.
import { accessToken } from './auth.js';

export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem.title || String(status));
    this.status = status;
    this.problem = problem;
  }
}

function key() {
  return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
}

// Calls in flight, on <html data-pending>: screens and the browser tests can tell when a screen has loaded.
let pending = 0;
function inFlight(delta) {
  pending += delta;
  document.documentElement.dataset.pending = String(pending);
}

export async function call(method, path, body, extra = {}) {
  inFlight(1);
  try {
    return await send(method, path, body, extra);
  } finally {
    inFlight(-1);
  }
}

async function send(method, path, body, extra) {
  const headers = { Accept: 'application/json', ...extra.headers };
  const token = await accessToken();
  if (token) headers.Authorization = 'Bearer ' + token;
  let payload;
  if (body instanceof Blob) {
    payload = body;
    headers['Content-Type'] = body.type || 'application/octet-stream';
  } else if (body !== undefined && body !== null) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (method === 'POST' && !extra.noIdempotency) headers['Idempotency-Key'] = key();
  let r;
  try {
    r = await fetch(path, { method, headers, body: payload, cache: 'no-store' }); // live data: never an old copy
  } catch {
    throw new ProblemError(0, { title: '网络不可用 / Network unavailable' });
  }
  if (r.status === 204) return null;
  const type = r.headers.get('Content-Type') || '';
  if (!r.ok) {
    const problem = type.includes('json') ? await r.json().catch(() => ({})) : {};
    if (!problem.title) problem.title = r.status === 401 ? '请重新登录 / Please log in again' : r.status === 403 ? '无权操作 / Not allowed' : `HTTP ${r.status}`;
    throw new ProblemError(r.status, problem);
  }
  if (extra.blob) return r.blob();
  return type.includes('json') ? r.json() : r.text();
}

export const get = (path) => call('GET', path);
export const post = (path, body, extra) => call('POST', path, body ?? {}, extra);
export const put = (path, body, extra) => call('PUT', path, body, extra);
export const del = (path) => call('DELETE', path);

/** A list answer, paged ({items, next}) or whole (an array). */
export function itemsOf(answer) {
  return Array.isArray(answer) ? answer : (answer && answer.items) || [];
}

/** Downloads a file the API serves only with a token (attachments, exports). */
export async function download(path, name) {
  const blob = await call('GET', path, null, { blob: true, headers: { Accept: '*/*' } });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a server-sent-event stream with the bearer token (EventSource cannot send one); reconnects with Last-Event-ID. */
export function stream(path, onEvent) {
  let stopped = false;
  let lastId = null;
  let controller;
  (async function loop() {
    let wait = 1000;
    while (!stopped) {
      controller = new AbortController();
      try {
        const headers = { Accept: 'text/event-stream', Authorization: 'Bearer ' + (await accessToken()) };
        if (lastId) headers['Last-Event-ID'] = lastId;
        const r = await fetch(path, { headers, signal: controller.signal });
        if (!r.ok || !r.body) throw new Error(String(r.status));
        wait = 1000;
        const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const ev = { event: 'message', data: '' };
            for (const line of block.split('\n')) {
              if (line.startsWith('id:')) lastId = ev.id = line.slice(3).trim();
              else if (line.startsWith('event:')) ev.event = line.slice(6).trim();
              else if (line.startsWith('data:')) ev.data += line.slice(5).trim();
            }
            if (ev.data) onEvent(ev);
          }
        }
      } catch {
        // the token expired, the network dropped, or the service restarted: try again, a little later each time
      }
      if (!stopped) await new Promise((res) => setTimeout(res, wait));
      wait = Math.min(wait * 2, 30000);
    }
  })();
  return () => { stopped = true; if (controller) controller.abort(); };
}

/** What the user reads for a failed call: the problem's title, then each invalid field by its label on the form (or the detail). */
export function problemText(e, labels = {}) {
  const errors = (e.problem && e.problem.errors) || [];
  if (!errors.length) return e.problem && e.problem.detail ? e.message + '：' + e.problem.detail : e.message;
  return e.message + '：' + errors.map((x) => [labels[x.field] || x.field, x.message].filter(Boolean).join(' ')).join('；');
}
