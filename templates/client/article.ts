// The one script of an article page (a module, so it never blocks rendering): fresh "Tin mới" and
// native sharing. Comments have their own script, loaded only where the form is.
import './latest-news.ts'
import './share.ts'
