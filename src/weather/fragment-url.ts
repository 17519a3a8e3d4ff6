// The address of the weather fragment. Pages (templates) link it and `toasoan weather` writes it,
// so this module imports nothing: it sits with the site's URLs in the order of the stages.

/** The folder of the weather fragment in the output. */
export const weatherFolder = 'thoi-tiet'

/** `/thoi-tiet/index.json`: every place's forecast, small enough to be one file. */
export const weatherUrl = `/${weatherFolder}/index.json`
