// turndown's own DOM (a dependency of turndown, already installed). Its
// bundled typings declare the module under another name, so declare the one
// function used here.
declare module '@mixmark-io/domino' {
  export function createDocument(html?: string, force?: boolean): Document;
}
