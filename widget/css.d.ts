// esbuild imports stylesheets as text (loader '.css': 'text') for injection into the shadow root.
declare module '*.css' {
  const css: string;
  export default css;
}
