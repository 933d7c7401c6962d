// Worker thread of bench/queue-fanout.ts: holds the board and ticket WebSockets (away from the
// server's event loop, as phones and TVs would be) and reports, for each call the main thread marks,
// when each socket received its first message after the mark.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

const now = () => performance.timeOrigin + performance.now();
const { base, paths } = workerData;
const sockets = [];
let mark = null;
const pending = new Map();

await Promise.all(
  paths.map(
    (path, i) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(base.replace(/^http/, 'ws') + path, { headers: { 'x-forwarded-for': `10.66.${i >> 8}.${i & 255}` } });
        ws.once('message', () => resolve());
        ws.once('unexpected-response', (_q, res) => reject(new Error(`refused ${res.statusCode}`)));
        ws.once('error', reject);
        ws.on('message', () => {
          if (mark !== null && pending.has(i)) {
            pending.get(i)(now());
            pending.delete(i);
          }
        });
        sockets.push(ws);
      }),
  ),
);
parentPort.postMessage({ type: 'ready' });

parentPort.on('message', async (m) => {
  if (m.type === 'mark') {
    mark = true;
    const arrivals = Promise.all(
      sockets.map(
        (_, i) =>
          new Promise((resolve) => {
            pending.set(i, resolve);
            // Only this mark's waiter: a timer of an earlier mark must not take a later one's place.
            const timer = setTimeout(() => {
              if (pending.get(i) === resolve) {
                pending.delete(i);
                resolve(null);
              }
            }, 5000);
            timer.unref();
          }),
      ),
    );
    // Waiting on every socket now: the main thread may make the call (and only now takes the time).
    parentPort.postMessage({ type: 'marked' });
    const at = await new Promise((resolve) => {
      const onStart = (s) => {
        if (s.type !== 'started') return;
        parentPort.off('message', onStart);
        resolve(s.at);
      };
      parentPort.on('message', onStart);
    });
    const times = await arrivals;
    mark = null;
    parentPort.postMessage({ type: 'delays', delays: times.map((t) => (t === null ? null : t - at)) });
  } else if (m.type === 'close') {
    for (const ws of sockets) ws.close();
    parentPort.postMessage({ type: 'closed' });
  }
});
