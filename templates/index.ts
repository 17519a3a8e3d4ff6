export { absoluteUrl, type PageContext } from './context.ts'
export { ArticlePage } from './pages/article-page.tsx'
export { NotFoundPage } from './pages/not-found-page.tsx'
