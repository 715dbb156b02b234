export * from './accounts.ts';
export * from './audit.ts';
export * from './content.ts';
export * from './deliveries.ts';
export * from './organisations.ts';
export * from './reference.ts';
export * from './reporting.ts';
export * from './search.ts';
