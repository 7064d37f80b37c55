/** pdf.js's worker module, loaded into the page's own thread; only its presence is used. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
