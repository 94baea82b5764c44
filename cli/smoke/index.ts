export { runSmokeTest } from './smoke';
export { renderSmokeReport } from './render';
export { DEFAULT_SMOKE_CONTEXT, normaliseSmokeContext } from './names';
export type { SmokeOptions, SmokeRegistry, SmokeReport, SmokeStep, SmokeStepStatus } from './types';
