import type { PhaseName } from '../lib/build-phases.ts';
import { buildState } from './store.ts';

/** Notes that a phase of the build starts now; `HANDBOOK_TIMINGS=1 npm run build` prints how long each took. */
export function startPhase(name: PhaseName): void {
  buildState().phases.push({ name, at: performance.now() });
}
