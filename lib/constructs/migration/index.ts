export * from './migration-task';
export * from './task-image';
export * from './task-outputs';
export * from './task-permissions';
export * from './registry-mode-check';
