export * from './registry-seeding';
export * from './seed-export-source';
export * from './export-trailer';
