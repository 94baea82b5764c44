export { describeScope, FreezeError, freezeRegistry, unfreezeRegistry } from './freeze';
export type { FreezeOptions, FreezeResult, UnfreezeResult } from './freeze';
export { defaultFreezeStatePath, FreezeStateError, readFreezeState, type FreezeChange, type FreezeState } from './state';
export { unfreezeSnapshot, type UnfrozenSnapshot } from './unfreeze-snapshot';
