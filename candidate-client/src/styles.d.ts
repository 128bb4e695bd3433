// esbuild bundles imported CSS into the player's stylesheet; the import has no value.
declare module '*.css';
