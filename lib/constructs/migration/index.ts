export * from './migration-task';
export * from './registry-mode-check';
export * from './task-image';
export * from './task-outputs';
export * from './task-permissions';
