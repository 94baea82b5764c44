export * from './registry-access-props';
export * from './registry-client-function';
