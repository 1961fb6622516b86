/**
 * The form engine's pure API (no hono, no Workers globals): definitions, validation,
 * messages and helpers. The hono/jsx renderer is imported from './render' by pages.
 */
export * from './definition';
export * from './fields';
export * from './messages';
export * from './normalise';
export * from './validate';
