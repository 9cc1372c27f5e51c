/** Which backend the ladder picks on this machine and why the better ones were passed over. */
export interface BackendReport {
  picked: string | null;
  /** How the picked backend runs (binary, threads), or why none could be had. */
  detail: string;
  skipped: { name: string; reason: string }[];
  /** Every backend a user may ask for by name. */
  available: string[];
}

let cached: Promise<BackendReport> | undefined;

/**
 * Climbs the backend ladder once per process and remembers the answer: loading backends is
 * slow and the answer does not change while the app runs. The desktop app asks a trainer
 * process, so that its main process never starts a backend just to answer.
 */
export function describeBackends(): Promise<BackendReport> {
  // Loaded when asked: the ladder brings TensorFlow.js, which the app's main process does not
  // load at start-up.
  cached ??= import('./ladder.js').then(async ({ backendNames, selectBackend }) => {
    const choice = await selectBackend();
    return {
      picked: choice.ok ? choice.name : null,
      detail: choice.ok ? choice.detail : choice.error,
      skipped: choice.skipped.map(({ name, reason }) => ({ name, reason })),
      available: [...backendNames],
    };
  });
  return cached;
}
