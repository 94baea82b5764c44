export { contentHash, findPair, nextPair, ownsRecord, type LedgerFile, type LedgerPair, type OwnedVersion } from './ledger';
export { LedgerError, PairLedger, readLedger } from './ledger-store';
