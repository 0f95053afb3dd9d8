// Moved to the state kit (client/src/state/roundsApi.ts) so the phone view can cast the same ballots.
export { voterId } from '../state/deviceKey';
export { closeRound, getBallot, putBallot, revealRound, startRound, type OwnBallot } from '../state/roundsApi';
