export { expectedStateOf } from '../format/expected-state';
export { renderVerifyReport } from './render';
export type { DifferenceKind, DifferenceLocation, VerifyDifference, VerifyReport } from './report';
export { verifyRegistry } from './verify-registry';
export { verifyTarget, type ExpectedState, type VerifyOptions } from './verify-target';
