// Moved to the state kit (client/src/state/deviceKey.ts) so the phone view can use the same keys.
export { deviceKey, personKey } from '../state/deviceKey';
