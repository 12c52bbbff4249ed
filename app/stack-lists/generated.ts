/** The stack registry whose stacks the workflows, scripts and docs list (`npm run stacks` writes them). */
export const REGISTRY_FILE = "stacks/registry.ts";

/** The line that opens generated text, in a script (`#`) or in Markdown (an HTML comment). */
export const GENERATED_NOTE = `Generated from ${REGISTRY_FILE} by \`npm run stacks\`; edit that file, not these lines.`;
