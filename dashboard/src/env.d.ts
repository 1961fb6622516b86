/** Vite's client types: CSS side-effect imports and `import.meta.env` in the dashboard. */
/// <reference types="vite/client" />
