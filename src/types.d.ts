// Markdown prompt templates are imported as text (esbuild's text loader; a vitest plugin in tests).
declare module "*.md" {
  const text: string;
  export default text;
}
