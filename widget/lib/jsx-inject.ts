// Injected into the ES module bundles by scripts/build-widget.ts: JSX compiles to h(type, props,
// ...children), which minifies shorter than the automatic runtime's jsx(type, { children: [...] }).
export { Fragment, h } from 'preact';
