#!/usr/bin/env node
// Validates an OpenAPI 3 document (a file, or - for stdin) against the official OpenAPI JSON schema
// with @seriousme/openapi-schema-validator (a devDependency of web/). Exit 0 when valid; otherwise
// prints the errors and exits 1. Used by tests/api/test_openapi.py.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(path.join(here, '..', 'web', 'package.json'))
const modPath = require.resolve('@seriousme/openapi-schema-validator')
const { Validator } = await import(modPath)

const file = process.argv[2] ?? '-'
const text = readFileSync(file === '-' ? 0 : file, 'utf8')
const validator = new Validator()
const result = await validator.validate(JSON.parse(text))
if (!result.valid) {
  console.error(JSON.stringify(result.errors, null, 2).slice(0, 4000))
  process.exit(1)
}
const resolved = validator.resolveRefs()
console.log(`valid OpenAPI ${validator.version}: ${Object.keys(resolved.paths ?? {}).length} paths`)
