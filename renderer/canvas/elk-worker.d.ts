// Vite's `?url` import of ELK's worker script (emitted as a file, loaded with `new Worker(url)`).
// TypeScript does not apply vite/client's '*?url' to this specifier (it names a .js file).
declare module 'elkjs/lib/elk-worker.min.js?url' {
  const url: string;
  export default url;
}
