import { After, AfterStep, Before, setDefaultTimeout } from '@cucumber/cucumber';
import { createSimulator, type Simulator } from '../../simulator/index.js';
import { LANGS, isLang } from './labels.js';
import { translator } from '../../simulator/i18n.js';
import type { SpecWorld } from './world.js';
import { EVIDENCE_FILE_NAME, EVIDENCE_MEDIA_TYPE } from './evidence.js';

/** Some scenarios set up a thousand time entries over HTTP. */
setDefaultTimeout(120_000);

const simulators = new WeakMap<SpecWorld, Simulator>();

/** Every scenario gets its own simulator: memory store, ephemeral port, its feature's language. */
Before(async function (this: SpecWorld, { pickle }) {
  const lang = pickle.language;
  // A feature in another language has no language of its own to be told in: say it in all three.
  if (!isLang(lang)) throw new Error(LANGS.map((l) => translator(l)('authoring:fail.language', { languages: LANGS.join(', '), got: lang })).join('\n'));
  this.lang = lang;
  // Demo scenario player: the world drives the live simulator given as world parameter `simulatorUrl` (world.ts).
  if (this.external) return;
  const sim = await createSimulator({ store: { kind: 'memory' } });
  simulators.set(this, sim);
  this.evidence.watch(sim.store);
  this.baseUrl = await sim.listen(0);
});

/** The evidence of each step on the step itself (HTML report, message and JSON outputs; npm run docs draws it). */
AfterStep(function (this: SpecWorld) {
  this.attach(JSON.stringify(this.evidence.take()), { mediaType: EVIDENCE_MEDIA_TYPE, fileName: EVIDENCE_FILE_NAME });
});

After(async function (this: SpecWorld) {
  this.evidence.stop();
  const sim = simulators.get(this);
  if (sim) await sim.close();
});
