export * from './scheduled-backup';
export * from './backup-metrics';
