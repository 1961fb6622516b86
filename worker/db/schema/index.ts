/** The one drizzle schema, one file per area. drizzle-kit generates migrations/ from it. */
export * from './roster';
export * from './accounts';
export * from './forms';
export * from './opinions';
export * from './evaluations';
export * from './stats';
export * from './departments';
export * from './duty';
export * from './notifications';
