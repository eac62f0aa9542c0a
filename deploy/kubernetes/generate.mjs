// Writes the generated parts of the base (sources.mjs says which, from what).
import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import { GENERATED, ROOT } from "./sources.mjs";

for (const g of GENERATED) {
  writeFileSync(g.path, g.render());
  console.log(`wrote ${relative(ROOT, g.path)}`);
}
