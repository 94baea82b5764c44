export * from './registry-seeding';
export * from './seed-export-source';
export * from './registry-client-function';
export * from './export-trailer';
