/**
 * The example board a new user can open from the start page is the
 * storm-flood template (shared/templates/stormflood.ts); this name stays for
 * the tests and tools that build it directly.
 */
export { buildStormFloodBoard as buildStormFloodExample } from '../templates/stormflood';
