// Keeps one CPU core busy until stopped (Ctrl+C / kill), to run the tests or a
// benchmark on a loaded machine: `node scripts/busy-core.mjs & npm test; kill %1`.
// A tight loop with a yield every 50 ms, so the process still answers signals.
const until = process.argv[2] ? Date.now() + Number(process.argv[2]) * 1000 : Infinity;
function spin() {
  const end = Date.now() + 50;
  while (Date.now() < end) Math.sqrt(Math.random());
  if (Date.now() < until) setImmediate(spin);
}
spin();
