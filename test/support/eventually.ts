// Polling for what happens a moment after a response: a change announced by the
// database (cache invalidation) or work done after the answer (an API key's last use).

/**
 * Runs `check` every `every` ms until it passes (does not throw) and returns its result;
 * fails with its last error once `within` ms have passed.
 */
export async function eventually<T>(check: () => Promise<T>, within = 1000, every = 50): Promise<T> {
  const until = Date.now() + within;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= until) throw error;
      await new Promise((resolve) => setTimeout(resolve, every));
    }
  }
}
