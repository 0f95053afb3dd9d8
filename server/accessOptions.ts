/** Access settings; from the environment in production (see docs/access.md). */
export interface AccessOptions {
  /**
   * Origins allowed to open websockets, e.g. ["https://samskab.example.dk"].
   * Empty: the Origin's host must equal the request's Host header.
   */
  allowedOrigins: string[];
  /** Wrong passcodes allowed per device (browser) and board within `passcodeWindowMs` before HTTP 429. */
  passcodeAttempts: number;
  /** Wrong passcodes allowed per address and board within the window: a ceiling for a whole network. */
  passcodeAddressAttempts: number;
  passcodeWindowMs: number;
}

export const DEFAULT_ACCESS_OPTIONS: AccessOptions = {
  allowedOrigins: [],
  passcodeAttempts: 5,
  passcodeAddressAttempts: 100,
  passcodeWindowMs: 60_000,
};

/** ALLOWED_ORIGINS (comma-separated origins), PASSCODE_ATTEMPTS, PASSCODE_ADDRESS_ATTEMPTS, PASSCODE_WINDOW_MS. */
export function accessOptionsFromEnv(env: NodeJS.ProcessEnv): AccessOptions {
  const origins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '')
    .map((o) => {
      try {
        return new URL(o).origin;
      } catch {
        throw new Error(`ALLOWED_ORIGINS: "${o}" is not an origin like https://samskab.example.dk`);
      }
    });
  const int = (v: string | undefined, fallback: number, name: string) => {
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${v}"`);
    return n;
  };
  return {
    allowedOrigins: origins,
    passcodeAttempts: int(env.PASSCODE_ATTEMPTS, DEFAULT_ACCESS_OPTIONS.passcodeAttempts, 'PASSCODE_ATTEMPTS'),
    passcodeAddressAttempts: int(env.PASSCODE_ADDRESS_ATTEMPTS, DEFAULT_ACCESS_OPTIONS.passcodeAddressAttempts, 'PASSCODE_ADDRESS_ATTEMPTS'),
    passcodeWindowMs: int(env.PASSCODE_WINDOW_MS, DEFAULT_ACCESS_OPTIONS.passcodeWindowMs, 'PASSCODE_WINDOW_MS'),
  };
}
