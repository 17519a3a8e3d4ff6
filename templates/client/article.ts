// The one script of a page (a module, so it never blocks rendering): fresh "Tin mới", "Đọc nhiều"
// and "Thời tiết" from their fragments, and native sharing. Article, front and locality pages load
// it; each part does nothing where its slot is absent. Comments have their own script, loaded only
// where the form is.
import './latest-news.ts'
import './most-read.ts'
import './share.ts'
import './weather.ts'
