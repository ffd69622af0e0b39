declare module "wink-bm25-text-search" {
  type Engine = {
    defineConfig(config: { fldWeights: Record<string, number> }): void;
    // biome-ignore lint/suspicious/noExplicitAny: each task takes the previous one's output
    definePrepTasks(tasks: Array<(input: any) => unknown>): void;
    addDoc(doc: Record<string, string>, id: string): void;
    consolidate(): void;
    search(text: string, limit?: number): Array<[string, number]>;
  };
  const bm25: () => Engine;
  export default bm25;
}

declare module "wink-nlp-utils" {
  const nlp: {
    string: { lowerCase: (s: string) => string; tokenize0: (s: string) => string[] };
    tokens: { removeWords: (t: string[]) => string[]; stem: (t: string[]) => string[] };
  };
  export default nlp;
}
