// Deep-merges message trees (each resource adds its own branch under resources.*).
type Tree = { [key: string]: string | Tree };

export function mergeMessages(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const existing = out[key];
      out[key] = typeof value === 'object' && typeof existing === 'object' ? mergeMessages(existing, value) : value;
    }
  }
  return out;
}

export type { Tree as MessageTree };
