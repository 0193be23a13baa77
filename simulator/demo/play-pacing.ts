import { BeforeStep } from '@cucumber/cucumber';

/**
 * Support code the demo's scenario player adds to a run (never loaded by `npm test`): before each step it waits
 * for the pacer the player child installed (a pause between steps, or the presenter's "next step").
 * No timeout: a presenter may take their time in step mode.
 */
type Pacer = () => Promise<void>;

BeforeStep({ timeout: -1 }, async function () {
  const pacer = (globalThis as { __poDemoPacer?: Pacer }).__poDemoPacer;
  if (pacer) await pacer();
});
