// Markup only, apart from image planning: a change here re-renders pages and bodies, but never
// re-encodes an image (the images cache is keyed by the code that plans and encodes them).

/** `sizes` for images in the article column (42rem wide, less the page padding on phones). */
export const articleImageSizes = '(min-width: 44rem) 42rem, calc(100vw - 2rem)'
