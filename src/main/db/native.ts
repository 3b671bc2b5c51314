/** Written into every Ombud store's header (`PRAGMA application_id`): "OMBD". */
export const APPLICATION_ID = 0x4f4d4244;

let electronBinding: string | undefined;

/**
 * Electron runs with a different Node ABI than the Node that npm built better-sqlite3 for, so the
 * app points better-sqlite3 at its own build (see scripts/electron-native.mjs). Node (tests, CLI,
 * harness) never calls this and uses the module exactly as npm built it.
 */
export function useNativeBinding(path: string): void {
  electronBinding = path;
}

export function nativeBinding(): string | undefined {
  return electronBinding;
}
