export { carriedSource, syncPass, type SyncPassOptions, type SyncPassResult } from './sync-pass';
export { versionsBehind } from './versions-behind';
export { cutover, type CutoverOptions, type CutoverResult, type CutoverStep } from './cutover';
