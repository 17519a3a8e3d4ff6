/** `toasoan import`'s part of `--help` (kept apart so the help never loads the importers). */
export const importUsage = `  import  Bring an existing archive in, as articles, pages, comments and media
            toasoan import wordpress EXPORT.xml [--map FILE] [--media DIR]
            toasoan import html --config FILE.yml PATH… [--media DIR]
            --content DIR   content folder (default: content)
            --locality ID   for articles no rule of the map or config places
            --map FILE      YAML: localities/categories {slug: id}, authors {login: id}
            --media DIR     a copy of wp-content/uploads (or of the old site's images)
            --dry-run       print what would be written, changed and left; write nothing
            Run it again for the cutover: unchanged files stay byte-identical, files
            edited since the import are reported and left.`
