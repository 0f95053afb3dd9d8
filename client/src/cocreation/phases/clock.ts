// Moved to the state kit (client/src/state/serverNow.ts) so the phone view reads timers in server time too.
export { useServerNow } from '../../state/serverNow';
