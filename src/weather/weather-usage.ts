/** `toasoan weather` in the command line's help. */
export const weatherUsage = `  weather  Fetch the forecast and write the "Thời tiết" fragment
            for the places of content/weather.yml (without it the box is off: an empty fragment)
            --out DIR (default: dist)  --content DIR  --endpoint URL (default: weather.yml's)`
