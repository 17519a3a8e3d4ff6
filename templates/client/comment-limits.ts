/** Longest name and message a comment may have; the form and its script both use these. */
export const commentLimits = { name: 80, message: 3000 } as const
