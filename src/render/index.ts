export { renderWithEleventy, type EleventyRenderOptions, type RenderSlice } from './eleventy-site.tsx'
export { renderDocument, renderFragment } from './render-page.tsx'
export { renderCached, renderFingerprint, type CachedRenderOptions, type CachedRenderResult } from './render-cached.ts'
