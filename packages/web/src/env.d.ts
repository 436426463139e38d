// Vite turns imported stylesheets into <link> tags; TypeScript only needs to know the import is allowed.
declare module '*.css';
