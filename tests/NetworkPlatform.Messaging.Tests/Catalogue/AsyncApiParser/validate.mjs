// Validates the AsyncAPI document with @asyncapi/parser, then each sample message against its message's payload schema
// inside the whole document (references resolve from the document's root, as any consumer's tool resolves them).
// Usage: node validate.mjs <asyncapi.json> <samples.json>, samples: [{"message": "<components/messages key>", "body": {...}}].
// Prints one line per problem; exits 1 when there is any.
import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const [documentPath, samplesPath] = process.argv.slice(2);
const text = readFileSync(documentPath, 'utf8');
const problems = [];

const { document, diagnostics } = await new Parser().parse(text);
for (const diagnostic of diagnostics.filter(d => d.severity === 0)) {
  problems.push(`document: ${diagnostic.code}: ${diagnostic.message} at ${diagnostic.path.join('/')}`);
}
if (!document) {
  problems.push('document: the parser returned no document');
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// The document's own "id" (AsyncAPI's, a URN) is not a JSON Schema id: left out, the document is the schema root.
const { id: _documentId, ...root } = JSON.parse(text);
ajv.addSchema(root, 'asyncapi.json');
const samples = JSON.parse(readFileSync(samplesPath, 'utf8'));
for (const sample of samples) {
  const validate = ajv.getSchema(`asyncapi.json#/components/messages/${sample.message}/payload`);
  if (!validate) {
    problems.push(`${sample.message}: no such message in the document`);
  } else if (!validate(sample.body)) {
    problems.push(`${sample.message}: ${ajv.errorsText(validate.errors)}`);
  }
}
for (const problem of problems) {
  console.log(problem);
}
console.log(`${document ? document.messages().length : 0} messages in the document, ${samples.length} samples checked`);
process.exit(problems.length > 0 ? 1 : 0);
