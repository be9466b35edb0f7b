// markdown-it-mark ships no types; the tests render exports with it.
declare module 'markdown-it-mark' {
  import type { PluginSimple } from 'markdown-it';
  const markPlugin: PluginSimple;
  export default markPlugin;
}
