export { renderWithEleventy, type EleventyRenderOptions } from './eleventy-site.tsx'
export { renderDocument } from './render-page.tsx'
