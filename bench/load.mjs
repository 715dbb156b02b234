// Load generator for bench/search.ts, run as a child process so that it does not share an event
// loop (or a core) with the server it measures. Usage:
//   node bench/load.mjs <url> <connections> <seconds> <warmup seconds> [paths.json]
// With a JSON file of paths, the requests cycle through those paths on the url's host.
// LOAD_HEADERS (a JSON object, e.g. a session cookie) adds headers to every request.
// Prints one JSON line: requests (and warm-up requests), req/s, exact p50/p95/p97.5/p99 latencies in ms, non-2xx and errors.
// autocannon's own report has no p95 and rounds to whole milliseconds, too coarse for a bare
// route, so every response time is collected here.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [url, connections = '20', seconds = '10', warmup = '2', pathsFile] = process.argv.slice(2);
if (!url?.startsWith('http://127.0.0.1:')) {
  console.error('bench/load.mjs: only http://127.0.0.1 targets');
  process.exit(2);
}

const paths = pathsFile ? JSON.parse(readFileSync(pathsFile, 'utf8')) : [];
const headers = JSON.parse(process.env.LOAD_HEADERS ?? '{}');
let next = 0;
const requests = paths.length
  ? [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }]
  : undefined;

function run(duration, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections: Number(connections), duration: Number(duration), timeout: 10, requests, headers },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (onResponse) instance.on('response', onResponse);
  });
}

const warm = Number(warmup) > 0 ? await run(warmup) : { requests: { total: 0 } };

const times = [];
let non2xx = 0;
const result = await run(seconds, (_client, status, _bytes, ms) => {
  if (status >= 200 && status < 300) times.push(ms);
  else non2xx += 1;
});
times.sort((a, b) => a - b);
const at = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? Number.NaN;
const round = (v) => Math.round(v * 100) / 100;
console.log(
  JSON.stringify({
    requests: times.length + non2xx,
    warmupRequests: warm.requests.total,
    rps: round((times.length + non2xx) / Number(seconds)),
    p50: round(at(50)),
    p95: round(at(95)),
    p975: round(at(97.5)),
    p99: round(at(99)),
    non2xx,
    errors: result.errors + result.timeouts,
  }),
);
