/** `toasoan weather` in the command line's help. */
export const weatherUsage = `  weather  Fetch the forecast for the places of content/weather.yml and write the
            "Thời tiết" fragment (without weather.yml the box is off: an empty one)
            --out DIR (default: dist)  --content DIR  --endpoint URL (default: weather.yml's)`
