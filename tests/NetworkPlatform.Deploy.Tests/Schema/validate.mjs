// Validates rendered Kubernetes objects (a JSON array, argv[2]) two ways:
//  1. kubernetes-models' runtime validators (the Kubernetes OpenAPI schema: types, required fields, formats);
//  2. a strict type check: every object becomes a typed TypeScript literal, so tsc reports unknown fields
//     (a misspelt "readinesProbe"), wrong types and missing required fields at any depth.
// Custom resources (RabbitmqCluster, the Messaging Topology Operator's User, Permission and TopicPermission, CloudNativePG
// Cluster and Database, KEDA ScaledObject and TriggerAuthentication, Prometheus Operator PrometheusRule and PodMonitor) are
// typed by crds.ts.
// Prints one line per problem and exits 1 when there is any.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const here = dirname(fileURLToPath(import.meta.url));
const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
const work = resolve(process.argv[3] ?? join(dirname(process.argv[2]), "typecheck"));
const customResources = {
  "rabbitmq.com/v1beta1": ["RabbitmqCluster", "User", "Permission", "TopicPermission"],
  "postgresql.cnpg.io/v1": ["Cluster", "Database"],
  "keda.sh/v1alpha1": ["ScaledObject", "TriggerAuthentication"],
  "monitoring.coreos.com/v1": ["PrometheusRule", "PodMonitor"],
};
const problems = [];

function modulePath(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const path = group ? `${group}/${version}/${kind}` : `${version}/${kind}`;
  return existsSync(join(here, "node_modules/kubernetes-models", `${path}.js`)) ? `kubernetes-models/${path}` : null;
}

const imports = new Map();
const literals = [];
for (const [index, object] of objects.entries()) {
  const what = `${object.kind ?? "?"}/${object.metadata?.name ?? "?"}`;
  const module = modulePath(object.apiVersion ?? "", object.kind ?? "");
  if (module) {
    const model = (await import(module))[object.kind];
    try {
      new model(object).validate();
    } catch (error) {
      problems.push(`${what}: ${error.message.replace(/\s+/g, " ")}`);
    }
    imports.set(`I${object.kind}`, `import type { I${object.kind} } from "${module}";`);
    literals.push(`// ${what}\nexport const o${index}: I${object.kind} = ${JSON.stringify(object, null, 2)};`);
  } else if (customResources[object.apiVersion]?.includes(object.kind)) {
    imports.set(`crd:${object.kind}`, `import type { ${object.kind} } from "${join(here, "crds.js")}";`);
    literals.push(`// ${what}\nexport const o${index}: ${object.kind} = ${JSON.stringify(object, null, 2)};`);
  } else {
    problems.push(`${what}: no schema for apiVersion ${object.apiVersion}, kind ${object.kind}`);
  }
}

mkdirSync(work, { recursive: true });
writeFileSync(join(work, "objects.ts"), [...imports.values(), ...literals].join("\n\n") + "\n");
writeFileSync(join(work, "tsconfig.json"), JSON.stringify({
  compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", skipLibCheck: true },
  files: ["objects.ts"],
}));
writeFileSync(join(work, "package.json"), JSON.stringify({ type: "module" }));
const tsc = spawnSync(process.execPath, [join(here, "node_modules/typescript/bin/tsc"), "-p", work, "--pretty", "false"], { encoding: "utf8" });
for (const line of (tsc.stdout + tsc.stderr).split("\n").filter((l) => l.includes("error TS"))) {
  // objects.ts(LINE,COL): error TSxxxx: message -> name the object the line belongs to.
  const lineNumber = Number(/\((\d+),/.exec(line)?.[1] ?? 0);
  const source = readFileSync(join(work, "objects.ts"), "utf8").split("\n");
  let owner = "?";
  for (let i = lineNumber - 1; i >= 0; i--) if (source[i]?.startsWith("// ")) { owner = source[i].slice(3); break; }
  problems.push(`${owner}: ${line.replace(/^.*error /, "")}`);
}
if (tsc.status !== 0 && problems.length === 0) problems.push(`tsc failed: ${tsc.stdout}${tsc.stderr}`);

for (const problem of problems) console.log(problem);
console.log(`${objects.length} objects checked, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
