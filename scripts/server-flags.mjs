// Node's flags for the compiled server, wherever it is started: `npm start` (scripts/start.mjs),
// bench:sync (scripts/bench/servers.ts) and the service command in docs/deployment.md.
//
// --max-semi-space-size=2 (MB): V8 lets the young generation grow to 16 MB per semi-space under
// a high allocation rate, and a server relaying thousands of small updates a second allocates
// fast. Capped, the server's RSS under load was 16–21 MB lower (99 → 80 MB at 50 clients ×
// 1,000 edits/s) for about the same CPU (docs/performance.md, issue 19).
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2'];
