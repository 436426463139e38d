// Vite turns imported stylesheets into <link> tags; TypeScript only needs to know the import is allowed.
declare module '*.css';
// `?url` imports (the map's basemap and MapLibre's worker) are the asset's URL in the build.
declare module '*?url' {
  const url: string;
  export default url;
}
