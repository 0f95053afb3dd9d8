// Moved to the state kit (client/src/state/deviceKey.ts) so the phone view rates with the same key.
export { valuePersonKey } from '../../state/deviceKey';
