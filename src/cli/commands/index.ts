import type { Command } from '../command.ts'
import { build } from './build.ts'
import { cache } from './cache.ts'
import { check } from './check.ts'
import { cms } from './cms.ts'
import { deploy } from './deploy.ts'
import { importArchive } from './import.ts'
import { mostRead } from './most-read.ts'
import { newArticle } from './new.ts'
import { schema } from './schema.ts'
import { serve } from './serve.ts'
import { weather } from './weather.ts'

/**
 * Every command, in the order of `--help` and the README's table. The command line knows no
 * other: a command module missing here is neither listed nor run (`cms` once was missing from a
 * list kept apart from the commands).
 */
export const commands: readonly Command[] = [build, cache, check, schema, serve, cms, newArticle, deploy, importArchive, mostRead, weather]
