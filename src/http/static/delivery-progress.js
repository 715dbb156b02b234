// Progress of a delivery loading in the background (the page works without this script: it has
// a refresh link). Asks for the status every second, updates the bar and the status text, and
// shows the result page when loading has finished.
const bar = document.getElementById('delivery-progress');
const status = document.getElementById('delivery-status');
const note = document.getElementById('delivery-auto');

async function poll() {
  try {
    const res = await fetch(`${location.pathname}?format=json`, { headers: { accept: 'application/json' } });
    const s = await res.json();
    if (s.location) return location.assign(s.location);
    if (s.state !== 'queued' && s.state !== 'running') return location.reload();
    bar.value = s.percent;
    bar.textContent = `${s.percent} %`;
    // The status is a live region: change it only when the words change, not every second.
    if (status.textContent !== s.text) status.textContent = s.text;
  } catch {
    // A failed poll (network, restart) is tried again with the next one.
  }
  setTimeout(poll, 1000);
}

if (bar && status) {
  if (note) note.hidden = false;
  setTimeout(poll, 1000);
}
