export { FreezeError, freezeRegistry, planFreeze, unfreezeRegistry } from './freeze';
export type { FreezeOptions, FreezeResult, UnfreezeResult } from './freeze';
export { FreezeStateError, readFreezeState, type FreezeChange, type FreezeState } from './state';
export { unfreezeSnapshot, type UnfrozenSnapshot } from './unfreeze-snapshot';
