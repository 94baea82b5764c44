export { carriedSource, CutOverSinceError, syncPass, type SyncPassOptions, type SyncPassResult } from './sync-pass';
export { versionsBehind } from './versions-behind';
export { cutover, type CutoverOptions, type CutoverResult, type CutoverStep } from './cutover';
export { publishSyncMetrics, scopesInImportAfter, type SyncPassMetrics } from './metrics';
export { abortableSleep, runSync, type SyncLoopOptions, type SyncLoopSummary, type SyncPassReport } from './sync-loop';
export { isSyncing, markCutOver } from './ledger-phase';
