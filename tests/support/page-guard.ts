// Watches a page for anything hostile content could make happen: a dialog, a
// script error, a console error, a CSP violation (something tried to load or
// run and the policy stopped it), the `__pwned` sentinel being set, or a
// request to any origin but the app's own.
import { expect, type Page } from '@playwright/test';

export interface PageGuard {
  readonly dialogs: string[];
  readonly pageErrors: string[];
  readonly consoleErrors: string[];
  readonly requests: string[];
  /** Fails the test, naming every payload that got anywhere. */
  assertClean(where: string): Promise<void>;
}

// Runs before any app script: a sentinel that records assignments, and a log of CSP violations.
const INIT = `(() => {
  const pwned = [];
  const violations = [];
  Object.defineProperty(window, '__pwnedLog', { value: pwned });
  Object.defineProperty(window, '__violations', { value: violations });
  Object.defineProperty(window, '__pwned', { configurable: false, get: () => undefined, set: (v) => { pwned.push(String(v)); } });
  document.addEventListener('securitypolicyviolation', (e) => {
    violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
  }, true);
})();`;

export async function guardPage(page: Page, origin: string): Promise<PageGuard> {
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  await page.addInitScript(INIT);
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('request', (r) => requests.push(r.url()));
  page.on('popup', (p) => requests.push(`popup: ${p.url()}`));

  return {
    dialogs,
    pageErrors,
    consoleErrors,
    requests,
    async assertClean(where: string) {
      // Error handlers on images and media fire asynchronously.
      await page.waitForTimeout(300);
      const state = await page.evaluate(`({
        pwned: window.__pwnedLog.slice(),
        violations: window.__violations.slice(),
        requireType: typeof window.require,
        processType: typeof window.process,
        createElement: typeof document.createElement,
        root: document.getElementById('root') && document.getElementById('root').tagName,
      })`);
      const offOrigin = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(?:data:image\/|blob:)/.test(url));
      expect(
        { dialogs, pageErrors, consoleErrors, offOrigin, ...(state as object) },
        `nothing hostile may happen (${where})`,
      ).toEqual({
        dialogs: [],
        pageErrors: [],
        consoleErrors: [],
        offOrigin: [],
        pwned: [],
        violations: [],
        requireType: 'undefined',
        processType: 'undefined',
        createElement: 'function',
        root: 'DIV',
      });
    },
  };
}

const CLOBBER_NAMES = [
  'createElement',
  'getElementById',
  '__proto__',
  'constructor',
  'root',
  'cookie',
  'body',
  'defaultView',
  'glossBridge',
  '__glossBench',
];

/**
 * What in the rendered markup under `selector` could still act: active or
 * loading elements, event-handler and style attributes, URLs other than https,
 * mailto, fragments and embedded images, data-* attributes, clobbering ids.
 */
export async function activeMarkup(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    ({ selector, clobber }) => {
      const problems: string[] = [];
      // MathML is kept for articles with formulas; the parts of it that act or hold HTML are not.
      const ACTIVE =
        'script,iframe,frame,frameset,object,embed,portal,form,input,button,textarea,select,style,link,meta,base,svg,maction,annotation-xml,video,audio,source,template,noscript,xmp';
      for (const root of document.querySelectorAll(selector)) {
        for (const el of root.querySelectorAll(ACTIVE)) problems.push(`<${el.tagName.toLowerCase()}>`);
        for (const el of [root, ...root.querySelectorAll('*')]) {
          for (const attr of el.attributes) {
            const name = attr.name.toLowerCase();
            const value = attr.value.trim();
            const tag = el.tagName.toLowerCase();
            if (name.startsWith('on')) problems.push(`${tag}[${name}]`);
            else if (
              name === 'style' ||
              name === 'srcset' ||
              name === 'background' ||
              name === 'poster' ||
              name === 'ping' ||
              name === 'formaction' ||
              name === 'action'
            )
              problems.push(`${tag}[${name}=${value}]`);
            // mark.js tags its own <mark>s (find in article); content never keeps data-* attributes.
            else if (name.startsWith('data-') && !(tag === 'mark' && name === 'data-markjs'))
              problems.push(`${tag}[${name}]`);
            else if ((name === 'href' || name === 'xlink:href') && !/^(?:https:|http:|mailto:|#)/i.test(value))
              problems.push(`${tag}[${name}=${value}]`);
            else if (name === 'src' && !/^data:image\//i.test(value)) problems.push(`${tag}[src=${value}]`);
            else if ((name === 'id' || name === 'name') && clobber.includes(value))
              problems.push(`${tag}[${name}=${value}]`);
          }
        }
      }
      return problems;
    },
    { selector, clobber: CLOBBER_NAMES },
  );
}
